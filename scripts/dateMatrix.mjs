// The date-sensitive tests, run once per day that has broken such tests before or would: a year's
// last workday, a quarter's end, a Spring Festival week and a leap day. Each day is a project of
// one vitest run (vitest.dates.config.ts) whose program clock (server/clock.ts) is on that day
// through TUIJIN_TEST_NOW, on the embedded database only (the rules under test are the same on
// both; the full suite covers PostgreSQL on the real day). The files and days are listed in
// scripts/dateMatrixFiles.mjs. `npm run test:dates [-- 2026-12-31 …]` runs it alone; `npm test`
// runs it after the unit and API tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATRIX_DAYS } from './dateMatrixFiles.mjs';

export { MATRIX_DAYS };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The days with a failed test in a vitest JSON report (a test's project is its day). */
function failedDaysOf(report, days) {
  try {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    const failed = new Set();
    for (const f of j.testResults ?? [])
      for (const a of f.assertionResults ?? []) if (a.status === 'failed') failed.add(days.find((d) => `${a.fullName} ${f.name}`.includes(d)) ?? 'a day');
    return [...failed];
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
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', TEST_DATABASES: 'embedded' } },
  );
  console.log(`━━ date-sensitive tests: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return r.status === 0 ? [] : failedDaysOf(report, days);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const days = process.argv.slice(2);
  process.exit(runDateMatrix(days.length ? days : MATRIX_DAYS).length ? 1 : 0);
}
