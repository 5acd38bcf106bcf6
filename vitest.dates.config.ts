// The date matrix in one run: a project per matrix day, each with the program clock on its day
// (TUIJIN_TEST_NOW, read by server/testing/clockSetup.ts before every file), on the embedded
// database. One run instead of one per day saves three start-ups and lets both workers stay busy
// to the end. `npx vitest run -c vitest.dates.config.ts --project 2026-12-31` runs one day;
// `npm test` runs these projects beside the unit and API tests' in one run (vitest.suite.config.ts).
// The projects repeat the main config's options rather than extend it: extending would add the
// main config's include (every test) to each day's.
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config.js';
import { DATE_SENSITIVE, MATRIX_DAYS, NOT_DATED } from './scripts/dateMatrixFiles.mjs';

const { testTimeout, hookTimeout, globalSetup, setupFiles, pool, isolate, maxWorkers } = base.test!;

/** A project per day: the date-sensitive files with the program clock on that day, on the embedded database only. */
export function dayProjects(days: readonly string[] = MATRIX_DAYS): TestProjectInlineConfiguration[] {
  return days.map((day) => ({
    test: {
      name: day,
      include: DATE_SENSITIVE,
      exclude: NOT_DATED,
      env: { TUIJIN_TEST_NOW: day, TEST_DATABASES: 'embedded' },
      testTimeout,
      hookTimeout,
      setupFiles,
      pool,
      isolate,
    },
  }));
}

export default defineConfig({
  test: {
    globalSetup,
    maxWorkers,
    // The days' projects compile the same modules: the first writes them to disk, the others read them (vitest.suite.config.ts).
    experimental: { fsModuleCache: true, fsModuleCachePath: fileURLToPath(new URL('.tmp/vitest-modules', import.meta.url)) },
    projects: dayProjects(),
  },
});
