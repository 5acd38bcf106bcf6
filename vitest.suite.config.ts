// `npm test`'s run of everything but the browser tests (scripts/test.mjs): the unit and API tests
// on the real day and both databases (vitest.config.ts) and the date matrix (vitest.dates.config.ts,
// a project per day) in one vitest run. One start instead of two, one global setup, and one pool:
// the date matrix's files fill the workers while the last long unit files end, instead of a second
// run that starts once the slowest file of the first has ended.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';
import { dayProjects } from './vitest.dates.config.js';
import { UNIT_PROJECT } from './scripts/dateMatrixFiles.mjs';

const { include, testTimeout, hookTimeout, globalSetup, setupFiles, pool, isolate, maxWorkers, sequence } = base.test!;

export default defineConfig({
  test: {
    globalSetup,
    maxWorkers,
    sequence,
    // Every project (its own Vite server) compiles the same modules: written to disk by the first,
    // read by the others (experimental in vitest 4.1). In the date matrix alone it took the run's
    // CPU time from 222 s to 196 s.
    experimental: { fsModuleCache: true, fsModuleCachePath: fileURLToPath(new URL('.tmp/vitest-modules', import.meta.url)) },
    projects: [{ test: { name: UNIT_PROJECT, include, testTimeout, hookTimeout, setupFiles, pool, isolate } }, ...dayProjects()],
  },
});
