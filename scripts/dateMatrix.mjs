// The date-sensitive tests, run once per day that has broken such tests before or would: a year's
// last workday, a quarter's end, a Spring Festival week and a leap day. Each day is a project of
// one vitest run (vitest.dates.config.ts) whose program clock (server/clock.ts) is on that day
// through TUIJIN_TEST_NOW, on the embedded database only (the rules under test are the same on
// both; the full suite covers PostgreSQL on the real day). The files and days are listed in
// scripts/dateMatrixFiles.mjs. `npm run test:dates [-- 2026-12-31 …]` runs it alone; `npm test`
// runs its projects in the unit and API tests' run (vitest.suite.config.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATRIX_DAYS } from './dateMatrixFiles.mjs';

export { MATRIX_DAYS };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The days with a failed test in the run's tally (scripts/projectTally.mjs: a test's project is its day); every day when it wrote none. */
function failedDaysOf(tally, days) {
  try {
    const { projects } = JSON.parse(fs.readFileSync(tally, 'utf8'));
    const failed = days.filter((d) => !projects[d] || projects[d].failed > 0);
    return failed.length ? failed : days;
  } catch {
    return days;
  }
}

/** Runs the date-sensitive tests on each matrix day; returns the days that failed. */
export function runDateMatrix(days = MATRIX_DAYS, report = path.join(root, '.tmp', 'vitest-dates.json')) {
  console.log(`\n━━ date-sensitive tests on ${days.join(', ')}`);
  const t = Date.now();
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  const tally = report.replace(/\.json$/, '') + '-projects.json';
  fs.rmSync(tally, { force: true });
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '-c',
      'vitest.dates.config.ts',
      ...days.flatMap((d) => ['--project', d]),
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${report}`,
      '--reporter=./scripts/projectTally.mjs',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', TEST_DATABASES: 'embedded', TUIJIN_PROJECT_TALLY: tally } },
  );
  console.log(`━━ date-sensitive tests: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return r.status === 0 ? [] : failedDaysOf(tally, days);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const days = process.argv.slice(2);
  const failed = runDateMatrix(days.length ? days : MATRIX_DAYS);
  if (failed.length) console.log(`date-sensitive tests failed on ${failed.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}
