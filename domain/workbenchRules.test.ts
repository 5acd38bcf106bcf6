import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './calendar/days.js';
import { WorkdayCalendar } from './calendar/workdays.js';
import { taskDueDate } from './deadlines.js';
import { CLAIM_STATUSES, PROJECT_STAGES, REPORT_PERIODS } from './work.js';
import { openPeriodOf, projectLists, reportedOpenPeriod, shareLists, workbenchDay, type ShareFacts } from './workbenchRules.js';

const cal = new WorkdayCalendar();
// 2024 to 2028: leap days, Spring Festivals and year ends included.
const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-12-31') }).map(fromDayNumber);
const near = (today: string) => fc.option(fc.integer({ min: -30, max: 30 }).map((n) => fromDayNumber(dayNumber(today) + n)), { nil: null });
const reasons = fc.array(fc.record({ code: fc.constantFrom('overdue', 'milestone_overdue', 'due_soon', 'stale', 'behind') }), { maxLength: 3 });
const share = (today: string) =>
  fc.record<ShareFacts>({
    claimStatus: fc.constantFrom(...CLAIM_STATUSES),
    done: fc.boolean(),
    startDate: near(today),
    due: near(today),
    light: fc.constantFrom('green', 'yellow', 'red', 'done', 'not_started'),
    lightReasons: reasons,
    reported: fc.boolean(),
  });
const dayAndShare = day.chain((today) => fc.tuple(fc.constant(today), share(today)));

describe('the day a workbench is read on', () => {
  it('is due soon up to five workdays ahead, and asks for periods whose reports are not yet past due', () => {
    fc.assert(
      fc.property(day, (today) => {
        const d = workbenchDay(today, cal);
        expect(d.soon).toBe(cal.addWorkdays(today, 5));
        for (const kind of REPORT_PERIODS) expect(d.open[kind].dueDate >= today).toBe(true);
      }),
    );
  });
  it('reads an unknown report period as monthly, and a report for another period as no answer', () => {
    const d = workbenchDay('2026-06-10', cal);
    expect(openPeriodOf(d, 'yearly')).toEqual(d.open.monthly);
    expect(reportedOpenPeriod(d, 'monthly', [d.open.monthly.period])).toBe(true);
    expect(reportedOpenPeriod(d, 'quarterly', [d.open.monthly.period, d.open.weekly.period])).toBe(false);
  });
});

describe("a task share's lists (shareLists)", () => {
  it('never calls a task past its date due soon; due soon means today up to the fifth workday', () => {
    fc.assert(
      fc.property(dayAndShare, ([today, s]) => {
        const d = workbenchDay(today, cal);
        const on = shareLists(s, d);
        if (s.due !== null && s.due < today && !s.done) expect(on).toMatchObject({ dueSoon: false, overdue: true });
        expect(on.dueSoon).toBe(!s.done && s.due !== null && s.due >= today && s.due <= d.soon);
      }),
    );
  });
  it('asks a task not done, claimed and started, and only while the open period has no report', () => {
    fc.assert(
      fc.property(dayAndShare, ([today, s]) => {
        const on = shareLists(s, workbenchDay(today, cal));
        expect(on.toReport).toBe(!s.done && !s.reported && (s.claimStatus === 'submitted' || s.claimStatus === 'approved') && (s.startDate === null || s.startDate <= today));
        // Reporting it takes it off the list and changes nothing else.
        expect(shareLists({ ...s, reported: true }, workbenchDay(today, cal))).toEqual({ ...on, toReport: false });
      }),
    );
  });
  it('shows a finished task only while its claim is open', () => {
    fc.assert(
      fc.property(dayAndShare, ([today, s]) => {
        const on = shareLists({ ...s, done: true }, workbenchDay(today, cal));
        expect(on).toMatchObject({ toReport: false, dueSoon: false, overdue: false });
      }),
    );
  });
  it('puts a claim on one claim list at most: to claim (never claimed or returned) or to approve (submitted)', () => {
    fc.assert(
      fc.property(dayAndShare, ([today, s]) => {
        const on = shareLists(s, workbenchDay(today, cal));
        expect(on.toClaim && on.claimToApprove).toBe(false);
        expect(on.toClaim).toBe(s.claimStatus === 'unclaimed' || s.claimStatus === 'returned');
        if (on.toClaim) expect(on.toReport).toBe(false);
      }),
    );
  });
  it('calls a task overdue for its date, or for a red light that says a deadline or milestone passed', () => {
    const d = workbenchDay('2026-06-10', cal);
    const s: ShareFacts = { claimStatus: 'approved', done: false, startDate: null, due: '2026-06-12', light: 'red', lightReasons: [], reported: true };
    expect(shareLists(s, d)).toMatchObject({ overdue: false, dueSoon: true });
    expect(shareLists({ ...s, lightReasons: [{ code: 'milestone_overdue' }] }, d)).toMatchObject({ overdue: true, dueSoon: true });
    expect(shareLists({ ...s, light: 'yellow', lightReasons: [{ code: 'overdue' }] }, d).overdue).toBe(false);
    expect(shareLists({ ...s, due: '2026-06-09', light: 'green' }, d)).toMatchObject({ overdue: true, dueSoon: false });
  });
});

describe("a project's lists and a task's date", () => {
  it('asks a project until it is in operation; overdue only when red for a passed stage date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_STAGES), fc.constantFrom('green', 'red'), reasons, fc.boolean(), (stage, light, lightReasons, reported) => {
        const on = projectLists({ stage, light, lightReasons, reported });
        expect(on.toReport).toBe(stage !== 'operating' && !reported);
        expect(on.overdue).toBe(light === 'red' && lightReasons.some((r) => r.code === 'milestone_overdue'));
      }),
    );
  });
  it('holds a task to its deadline, a recurring one to its next due date, an ongoing one to nothing', () => {
    const t = { deadline: '2026-07-01', nextDue: '2026-06-15' };
    expect(taskDueDate({ ...t, deadlineKind: 'date' })).toBe('2026-07-01');
    expect(taskDueDate({ ...t, deadlineKind: 'recurring' })).toBe('2026-06-15');
    expect(taskDueDate({ ...t, deadlineKind: 'ongoing' })).toBeNull();
  });
});
