import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { deadlineText, parseDeadline } from './deadline.js';

const env = { today: '2026-03-10', calendar: new WorkdayCalendar() };
const d = (text: string) => parseDeadline(text, env);

describe('deadline wording', () => {
  it('reads a month end as its last workday', () => {
    expect(d('2026年6月底前').value).toEqual({ deadlineKind: 'date', deadline: '2026-06-30', recurrence: null, reportPeriod: 'monthly' });
    // 31 May 2026 is a Sunday: the last workday of May is Friday the 29th.
    expect(d('2026年5月底前完成').value!.deadline).toBe('2026-05-29');
  });
  it('reads a quarter, a half year and a year end, on the workday calendar', () => {
    expect(d('2026年第三季度').value).toMatchObject({ deadline: '2026-09-30', reportPeriod: 'quarterly' });
    expect(d('2026年三季度末').value!.deadline).toBe('2026-09-30');
    expect(d('2026年上半年').value!.deadline).toBe('2026-06-30');
    // 31 December 2027 is a Friday; 2028's is a Sunday.
    expect(d('2027年底前').value!.deadline).toBe('2027-12-31');
    expect(d('2028年底').value!.deadline).toBe('2028-12-29');
  });
  it('keeps an exact day as written', () => {
    expect(d('2026年6月30日前').value!.deadline).toBe('2026-06-30');
    expect(d('2026-07-15').value!.deadline).toBe('2026-07-15');
    expect(d('２０２６年８月１０日').value!.deadline).toBe('2026-08-10');
  });
  it('reads recurring wording', () => {
    expect(d('每月10日前').value).toEqual({ deadlineKind: 'recurring', deadline: null, recurrence: { every: 'month', day: 10 }, reportPeriod: 'monthly' });
    expect(d('每季度首月15日前').value).toMatchObject({ recurrence: { every: 'quarter', day: 15 }, reportPeriod: 'quarterly' });
    const q = d('每季度末');
    expect(q.value).toMatchObject({ deadlineKind: 'ongoing', reportPeriod: 'quarterly' });
    expect(q.warnings[0]!.code).toBe('deadline_quarter_end');
  });
  it('reads ongoing wording', () => {
    for (const t of ['长期坚持', '持续推进', '常态化推进']) expect(d(t).value).toMatchObject({ deadlineKind: 'ongoing', deadline: null });
  });
  it('takes this year when none is written, and says so', () => {
    const r = d('年底前');
    expect(r.value!.deadline).toBe('2026-12-31');
    expect(r.warnings).toEqual([{ field: 'deadline', code: 'deadline_year', params: { year: 2026 } }]);
    expect(d('9月底前').value!.deadline).toBe('2026-09-30');
  });
  it('warns of a deadline already past', () => {
    expect(d('2026年1月底前').warnings.map((w) => w.code)).toEqual(['deadline_past']);
  });
  it('takes the latest of several dates', () => {
    expect(d('2026年6月底前完成规划，2027年6月底前建成').value!.deadline).toBe('2027-06-30');
  });
  it('refuses impossible dates', () => {
    for (const t of ['2024年13月底前', '2月30日', '2026年2月29日', '每月32日前', '2026年第5季度']) {
      const r = d(t);
      expect(r.value, t).toBeNull();
      expect(r.errors[0]!.code, t).toBe('deadline_impossible');
    }
  });
  it('refuses text with no deadline in it, and treats an empty cell as ongoing', () => {
    expect(d('尽快').errors[0]).toMatchObject({ code: 'deadline_unknown', params: { text: '尽快' } });
    const empty = d('');
    expect(empty.value!.deadlineKind).toBe('ongoing');
    expect(empty.warnings[0]!.code).toBe('deadline_missing');
  });
});

describe('a deadline written back (deadlineText)', () => {
  const cal = new WorkdayCalendar();
  // Exact days (not month ends, which parse to their last workday), every kind and report period.
  const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
  const value = fc.oneof(
    fc.record({ deadlineKind: fc.constant('date' as const), deadline: day, recurrence: fc.constant(null) }),
    fc.record({ deadlineKind: fc.constant('recurring' as const), deadline: fc.option(day, { nil: null }), recurrence: fc.record({ every: fc.constantFrom('month' as const, 'quarter' as const), day: fc.integer({ min: 1, max: 31 }) }) }),
    fc.record({ deadlineKind: fc.constant('ongoing' as const), deadline: fc.constant(null), recurrence: fc.constant(null) }),
  );
  it('reads back as the value it was written from, for every kind and report period', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const), (v, reportPeriod) => {
        const written = deadlineText({ ...v, reportPeriod });
        expect(parseDeadline(written, { today: '2020-01-01', calendar: cal }).value).toEqual({ ...v, reportPeriod });
      }),
    );
  });
  it('words it as offices do', () => {
    expect(deadlineText({ deadlineKind: 'date', deadline: '2026-06-30', recurrence: null, reportPeriod: 'monthly' })).toBe('2026年6月30日前');
    expect(deadlineText({ deadlineKind: 'recurring', deadline: null, recurrence: { every: 'quarter', day: 15 }, reportPeriod: 'quarterly' })).toBe('季后15日前');
    expect(deadlineText({ deadlineKind: 'recurring', deadline: '2027-12-31', recurrence: { every: 'month', day: 10 }, reportPeriod: 'weekly' })).toBe('每月10日前，至2027年12月31日（每周报送）');
    expect(deadlineText({ deadlineKind: 'ongoing', deadline: null, recurrence: null, reportPeriod: 'weekly' })).toBe('长期坚持（每周报送）');
  });
});
