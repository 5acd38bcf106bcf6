// Which tests the date matrix runs, and on which days: read by scripts/dateMatrix.mjs and by
// vitest.dates.config.ts (one project per day).
export const MATRIX_DAYS = ['2026-12-31', '2026-09-30', '2026-02-18', '2028-02-29'];
/** The project of the unit and API tests (on the real day) in `npm test`'s run beside the days' (vitest.suite.config.ts). */
export const UNIT_PROJECT = 'unit';
/**
 * Tests whose answers depend on today: lights, deadlines, claims, reports, the midnight job, the demo,
 * the workbench's and the HQ desk's lists, all of which read the program clock. domain/ is not among
 * them: its rules are handed the day as an argument and may not read a clock (eslint.config.js), so
 * their tests give the same answers on every day; they run once, in the full run.
 */
export const DATE_SENSITIVE = [
  'server/routes/planning/**/*.test.ts',
  'server/routes/reporting/**/*.test.ts',
  'server/jobs/**/*.test.ts',
  'demo/**/*.test.ts',
  'server/queries/reporting/workbenchRules.agreement.test.ts',
  'server/queries/planning/claims.agreement.test.ts',
  // That each day's project really runs on its day.
  'server/testing/clockSetup.test.ts',
];
/**
 * Files in those folders whose answers do not depend on the day (access, input, plan review,
 * evidence files, blocker escalation, a job test on a fixed day): left to the full run, which keeps the suite within 15 minutes.
 */
export const NOT_DATED = [
  'server/routes/planning/authorization.test.ts',
  'server/routes/planning/badInput.test.ts',
  'server/routes/planning/plans.test.ts',
  'server/routes/reporting/evidence.test.ts',
  'server/routes/reporting/blockers.test.ts',
  // Pins its own today (2026-06-15) and compares two implementations on it.
  'server/jobs/recurringDue.test.ts',
  // The reminder ladder and its run pin every day they ask about (a Spring Festival week included).
  'server/jobs/reminderJob.test.ts',
  'server/jobs/outboxSender.test.ts',
  // Runs escalation on a day it names (Friday 2026-11-20) and reads no clock.
  'server/jobs/escalateBlockers.test.ts',
];
