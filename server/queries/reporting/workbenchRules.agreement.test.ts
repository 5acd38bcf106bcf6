import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../../../domain/calendar/days.js';
import { taskDueDate } from '../../../domain/deadlines.js';
import { periodOf, type PeriodKind } from '../../../domain/periods.js';
import { CLAIM_STATUSES, DEADLINE_KINDS, PROJECT_STAGES, REPORT_PERIODS, REPORT_STATUSES } from '../../../domain/work.js';
import { openPeriodOf, projectLists, reportedOpenPeriod, shareLists, workbenchDay, type WorkbenchDay } from '../../../domain/workbenchRules.js';
import { today } from '../../clock.js';
import { reports } from '../../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.js';
import { makeRegion, makeUnit } from '../../testing/factories.js';
import { makePlan, makeProgram, makeProject, makeTarget, makeTask } from '../../testing/workFactories.js';
import { currentCalendar } from '../calendar.js';
import { unitWorkbench } from './workbenchUnit.js';

// Dates around today, so that every list has members: days from today, or none.
const offset = fc.option(fc.integer({ min: -40, max: 40 }), { nil: null });
const lightReasons = fc.array(fc.record({ code: fc.constantFrom('overdue', 'milestone_overdue', 'due_soon', 'stale', 'behind') }), { maxLength: 2 });
const light = fc.constantFrom('green', 'yellow', 'red', 'done', 'not_started');
/**
 * The unit's reports (and another unit's) for an item: `which` picks the open period of the item's
 * kind, the current one, one long past, or the open period of another kind; any status counts.
 */
const itemReports = fc.array(fc.record({ which: fc.integer({ min: 0, max: 3 }), mine: fc.boolean(), status: fc.constantFrom(...REPORT_STATUSES) }), { maxLength: 3 });
const share = fc.record({
  claimStatus: fc.constantFrom(...CLAIM_STATUSES),
  done: fc.boolean(),
  start: offset,
  deadlineKind: fc.constantFrom(...DEADLINE_KINDS),
  deadline: offset,
  nextDue: offset,
  reportPeriod: fc.constantFrom(...REPORT_PERIODS),
  light,
  lightReasons,
  reports: itemReports,
});
const project = fc.record({ stage: fc.constantFrom(...PROJECT_STAGES), light, lightReasons, reports: itemReports });
const target = fc.record({ period: fc.constantFrom<PeriodKind>('monthly', 'quarterly'), reports: itemReports });
const unitCase = fc.record({
  shares: fc.array(share, { minLength: 1, maxLength: 12 }),
  projects: fc.array(project, { maxLength: 3 }),
  targets: fc.array(target, { maxLength: 3 }),
});
type Reports = { which: number; mine: boolean; status: string }[];

const OTHER_KIND: Record<PeriodKind, PeriodKind> = { weekly: 'monthly', monthly: 'quarterly', quarterly: 'weekly' };
const sorted = (xs: string[]) => [...xs].sort();

describe.each(DATABASE_KINDS)('the unit workbench query and domain/workbenchRules.ts on %s', (kind) => {
  let db: TestDatabase;
  let day: WorkbenchDay;
  let regionId: string;
  let planId: string;
  let otherUnitId: string;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    day = workbenchDay(today(), await currentCalendar(db.database.db));
    regionId = (await makeRegion(db.database)).id;
    otherUnitId = (await makeUnit(db.database, { regionId })).id;
    planId = (await makePlan(db.database, (await makeProgram(db.database, regionId)).id)).id;
  });
  afterAll(async () => db?.drop());

  const dayAt = (n: number | null) => (n === null ? null : fromDayNumber(dayNumber(day.today) + n));
  const periodsOf = (k: PeriodKind, rs: Reports, mine: boolean) => {
    const candidates = [openPeriodOf(day, k).period, periodOf(day.today, k), periodOf(dayAt(-45)!, k), openPeriodOf(day, OTHER_KIND[k]).period];
    return [...new Set(rs.filter((r) => r.mine === mine).map((r) => candidates[r.which]!))];
  };
  /** Stores the item's reports: the unit's own and another unit's, one per unit and period. */
  const addReports = async (itemType: string, itemId: string, k: PeriodKind, rs: Reports, unitId: string) => {
    for (const mine of [true, false]) {
      for (const period of periodsOf(k, rs, mine)) {
        const status = rs.find((r) => r.mine === mine)!.status;
        await db.database.db.insert(reports).values({ itemType, itemId, unitId: mine ? unitId : otherUnitId, period, status });
      }
    }
  };

  it('place every generated share, project and target on the same lists', async () => {
    await fc.assert(
      fc.asyncProperty(unitCase, async (c) => {
        const unitId = (await makeUnit(db.database, { regionId })).id;
        const expected = { toClaim: [] as string[], claimsToApprove: [] as string[], toReport: [] as string[], dueSoon: [] as string[], overdue: [] as string[] };
        for (const s of c.shares) {
          const cols = { deadlineKind: s.deadlineKind, deadline: dayAt(s.deadline), nextDue: dayAt(s.nextDue) };
          const t = await makeTask(db.database, planId, [{ unitId, claimStatus: s.claimStatus }], {
            ...cols,
            done: s.done,
            startDate: dayAt(s.start),
            reportPeriod: s.reportPeriod,
            light: s.light,
            lightReasons: s.lightReasons,
          });
          await addReports('task', t.id, s.reportPeriod, s.reports, unitId);
          const due = taskDueDate(cols);
          const on = shareLists({ ...s, startDate: dayAt(s.start), due, reported: reportedOpenPeriod(day, s.reportPeriod, periodsOf(s.reportPeriod, s.reports, true)) }, day);
          const open = openPeriodOf(day, s.reportPeriod);
          if (on.toClaim) expected.toClaim.push(t.id);
          if (on.claimToApprove) expected.claimsToApprove.push(t.id);
          if (on.toReport) expected.toReport.push(`task ${t.id} ${open.period} ${open.dueDate}`);
          if (on.dueSoon) expected.dueSoon.push(`${t.id} ${due}`);
          if (on.overdue) expected.overdue.push(`task ${t.id} ${due}`);
        }
        for (const p of c.projects) {
          const row = await makeProject(db.database, planId, unitId, { stage: p.stage, light: p.light, lightReasons: p.lightReasons });
          await addReports('project', row.id, 'monthly', p.reports, unitId);
          const on = projectLists({ ...p, reported: reportedOpenPeriod(day, 'monthly', periodsOf('monthly', p.reports, true)) });
          if (on.toReport) expected.toReport.push(`project ${row.id} ${day.open.monthly.period} ${day.open.monthly.dueDate}`);
          if (on.overdue) expected.overdue.push(`project ${row.id} null`);
        }
        for (const g of c.targets) {
          const row = await makeTarget(db.database, planId, unitId, { period: g.period });
          await addReports('target', row.id, g.period, g.reports, unitId);
          const open = openPeriodOf(day, g.period);
          // A target has no claim and no dates: it is to report until the unit reports its open period.
          if (!reportedOpenPeriod(day, g.period, periodsOf(g.period, g.reports, true))) expected.toReport.push(`target ${row.id} ${open.period} ${open.dueDate}`);
        }

        const w = await unitWorkbench(db.database.db, unitId);
        const got = {
          toClaim: sorted(w.toClaim.map((l) => l.item.itemId)),
          claimsToApprove: sorted(w.claimsToApprove.map((l) => l.item.itemId)),
          toReport: sorted(w.toReport.map((l) => `${l.item.itemType} ${l.item.itemId} ${l.period} ${l.dueDate}`)),
          dueSoon: sorted(w.dueSoon.map((l) => `${l.itemId} ${l.due}`)),
          overdue: sorted(w.overdue.map((l) => `${l.itemType} ${l.itemId} ${l.due}`)),
        };
        expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, sorted(v)])));
        expect(w.counts).toEqual({ ...Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.length])), returned: w.counts.returned });
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
