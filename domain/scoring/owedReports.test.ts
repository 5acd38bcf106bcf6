import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { reportDueDate } from '../periods.js';
import { emptyFacts } from './facts.js';
import { indicatorShare } from './indicators.js';
import { filedKey, owedReports, type ReportObligation } from './owedReports.js';

const cal = new WorkdayCalendar();
const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const share = (o: Partial<ReportObligation> = {}): ReportObligation => ({ unitId: 'u1', itemId: 't1', title: 'T-1 老旧小区改造', kind: 'monthly', from: '2026-04-15', until: null, ...o });
const periods = (owed: ReturnType<typeof owedReports>) => owed.map((o) => o.fact.detail);

describe('reports owed and never filed', () => {
  it('owes each period whose report falls due in the scored range, unless the unit filed one (in any state)', () => {
    // June, July and August fall due in Q3 (five workdays after each month); September's in October.
    expect(periods(owedReports([share()], new Set(), Q3, cal))).toEqual(['2026-06', '2026-07', '2026-08']);
    const owed = owedReports([share()], new Set([filedKey('u1', 't1', '2026-07')]), Q3, cal);
    expect(periods(owed)).toEqual(['2026-06', '2026-08']);
    expect(owed[0]).toEqual({ unitId: 'u1', fact: { ref: 't1', title: 'T-1 老旧小区改造', detail: '2026-06', due: reportDueDate('2026-06', cal), doneOn: null } });
  });

  it('owes nothing before the item was the unit’s, nor after its end; a period it held for a day counts', () => {
    expect(periods(owedReports([share({ from: '2026-08-31' })], new Set(), Q3, cal))).toEqual(['2026-08']);
    expect(periods(owedReports([share({ from: '2026-09-01' })], new Set(), Q3, cal))).toEqual([]);
    expect(periods(owedReports([share({ until: '2026-07-01' })], new Set(), Q3, cal))).toEqual(['2026-06', '2026-07']);
    expect(periods(owedReports([share({ until: '2026-06-30' })], new Set(), Q3, cal))).toEqual(['2026-06']);
  });

  it('reads weekly and quarterly periods, and an unknown kind as monthly', () => {
    expect(periods(owedReports([share({ kind: 'quarterly' })], new Set(), Q3, cal))).toEqual(['2026-Q2']);
    expect(owedReports([share({ kind: 'weekly', from: '2026-07-01' })], new Set(), Q3, cal).length).toBeGreaterThanOrEqual(12);
    expect(periods(owedReports([share({ kind: 'fortnightly' })], new Set(), Q3, cal))).toEqual(['2026-06', '2026-07', '2026-08']);
  });

  it('makes a unit that filed nothing score below one that filed every report on time', () => {
    const owed = owedReports([share()], new Set(), Q3, cal).map((o) => o.fact);
    const silent = indicatorShare('reporting_on_time', { ...emptyFacts('u1', '建设街道'), reports: owed }, '2026-10-15', cal);
    expect(silent.ratio.toString()).toBe('0');
    expect(silent.counted).toBe(3);
    const diligent = indicatorShare('reporting_on_time', { ...emptyFacts('u2', '红旗街道'), reports: owed.map((f) => ({ ...f, ref: 'r', doneOn: f.due })) }, '2026-10-15', cal);
    expect(diligent.ratio.toString()).toBe('1');
  });
});
