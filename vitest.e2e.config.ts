import { defineConfig } from 'vitest/config';
import { E2E_WORKERS } from './e2e/workers.js';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    // Starts the real servers (e2e/server.ts), one per worker, for every file (e2e/globalSetup.ts).
    globalSetup: ['e2e/globalSetup.ts'],
    setupFiles: ['e2e/failureShots.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: E2E_WORKERS,
    fileParallelism: E2E_WORKERS > 1,
  },
});
