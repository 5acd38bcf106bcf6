// The date-sensitive tests, run once per day that has broken such tests before or would: a year's
// last workday, a quarter's end, a Spring Festival week and a leap day. Each run puts the program
// clock (server/clock.ts) on that day through TUIJIN_TEST_NOW, on the embedded database only (the
// rules under test are the same on both; the full suite covers PostgreSQL on the real day).
// `npm run test:dates` runs it alone; `npm test` runs it after the unit and API tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MATRIX_DAYS = ['2026-12-31', '2026-09-30', '2026-02-18', '2028-02-29'];
/** Tests whose answers depend on today: lights, deadlines, claims, reports, the midnight job, the demo, the workbench's and the HQ desk's lists. */
export const DATE_SENSITIVE = [
  'domain',
  'server/routes/planning',
  'server/routes/reporting',
  'server/jobs',
  'demo/',
  'server/queries/reporting/workbenchRules.agreement.test.ts',
  'server/queries/planning/claims.agreement.test.ts',
];
/**
 * Files in those folders whose answers do not depend on the day (access, input, plan review,
 * evidence files, blocker escalation): left to the full run, which keeps the suite within 15 minutes.
 */
const NOT_DATED = [
  'server/routes/planning/authorization.test.ts',
  'server/routes/planning/badInput.test.ts',
  'server/routes/planning/plans.test.ts',
  'server/routes/reporting/evidence.test.ts',
  'server/routes/reporting/blockers.test.ts',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the date-sensitive tests on each matrix day; returns the days that failed. */
export function runDateMatrix(days = MATRIX_DAYS) {
  const failed = [];
  for (const day of days) {
    console.log(`\n━━ date-sensitive tests on ${day}`);
    const t = Date.now();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...DATE_SENSITIVE, ...NOT_DATED.flatMap((f) => ['--exclude', f]), '--reporter=dot'],
      { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', TEST_DATABASES: 'embedded', TUIJIN_TEST_NOW: day } },
    );
    console.log(`━━ ${day}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    if (r.status !== 0) failed.push(day);
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const days = process.argv.slice(2);
  process.exit(runDateMatrix(days.length ? days : MATRIX_DAYS).length ? 1 : 0);
}
