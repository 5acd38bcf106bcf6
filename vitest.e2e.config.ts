import { defineConfig } from 'vitest/config';
import { E2E_WORKERS } from './e2e/workers.js';
import { longestFirst } from './vitest.sequencer.js';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    // Starts the real servers (e2e/server.ts), one per worker, for every file (e2e/globalSetup.ts).
    globalSetup: ['e2e/globalSetup.ts'],
    setupFiles: ['e2e/failureShots.ts'],
    testTimeout: 120_000,
    // expect.poll gives up after 1 s by default: a round trip through a page, the server and the
    // database takes longer than that on this 2-core machine when other work runs on it (a deleted
    // milestone still listed after 1 s failed a run at load 14). Page waits allow 20 s already.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: E2E_WORKERS,
    fileParallelism: E2E_WORKERS > 1,
    // A worker runs its files one after the other in one process, sharing its Chromium (e2e/browser.ts's
    // launch()) and its imports; each file opens its own contexts, so no cookie or page crosses files.
    isolate: false,
    sequence: { sequencer: longestFirst(['e2e/pwa.test.ts', 'e2e/blockers.test.ts', 'e2e/roles.test.ts', 'e2e/admin.test.ts']) },
  },
});
