import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { emptyFacts, type UnitFacts } from './facts.js';
import { assessCategory, gradeOf } from './rank.js';
import { assessmentPeriodRange, categoryOfUnitKind, DEFAULT_RULES, lastEndedQuarter, schemeProblem, type Scheme } from './scheme.js';
import { scoreUnit } from './score.js';

const cal = new WorkdayCalendar();
const scheme: Scheme = {
  year: 2026,
  category: 'departments',
  indicators: [
    { kind: 'reporting_on_time', weight: '40' },
    { kind: 'task_delivery', weight: '30' },
    { kind: 'target_achievement', weight: '20' },
    { kind: 'leader_evaluation', weight: '10' },
  ],
  rules: DEFAULT_RULES,
};
const unit = (id: string, over: Partial<UnitFacts> = {}): UnitFacts => ({ ...emptyFacts(id, `单位${id}`), ...over });
const report = (ref: string, due: string, doneOn: string | null) => ({ ref, title: `报告${ref}`, detail: '2026-04', due, doneOn });

describe('assessment schemes', () => {
  it('refuses weights that do not sum to exactly 100, counted in decimals', () => {
    expect(schemeProblem(scheme)).toBeNull();
    const thirds = ['33.33', '33.33', '33.34'];
    const kinds = ['reporting_on_time', 'task_delivery', 'dispatch_replies'] as const;
    expect(schemeProblem({ rules: DEFAULT_RULES, indicators: kinds.map((kind, i) => ({ kind, weight: thirds[i]! })) })).toBeNull();
    expect(schemeProblem({ rules: DEFAULT_RULES, indicators: kinds.map((kind) => ({ kind, weight: '33.33' })) })).toEqual({ field: 'indicators', code: 'weights_sum', sum: '99.99' });
    expect(schemeProblem({ rules: DEFAULT_RULES, indicators: [] })).toEqual({ field: 'indicators', code: 'required' });
    expect(schemeProblem({ rules: DEFAULT_RULES, indicators: [{ kind: 'task_delivery', weight: '50' }, { kind: 'task_delivery', weight: '50' }] })?.code).toBe('duplicate_indicator');
    expect(schemeProblem({ ...scheme, rules: { ...DEFAULT_RULES, good: '95' } })?.code).toBe('grade_order');
  });

  it('names quarters and years and puts streets and towns apart from departments', () => {
    expect(assessmentPeriodRange('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(assessmentPeriodRange('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    // What the scheme's card offers first: the last quarter ended by today.
    expect(['2026-01-15', '2026-03-31', '2026-04-01', '2026-06-10', '2026-07-01', '2026-12-07'].map((d) => lastEndedQuarter(2026, d))).toEqual(['2026-Q1', '2026-Q1', '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(lastEndedQuarter(2025, '2026-02-01')).toBe('2025-Q4');
    expect(lastEndedQuarter(2027, '2026-12-07')).toBe('2027-Q1');
    expect(assessmentPeriodRange('2026-Q5')).toBeUndefined();
    expect(categoryOfUnitKind('town')).toBe('streets_towns');
    expect(categoryOfUnitKind('department')).toBe('departments');
    expect(categoryOfUnitKind('enterprise')).toBeNull();
  });
});

describe('scoring a unit', () => {
  it('explains a late report by its workdays late, counting holidays out', () => {
    // Due Wednesday 30 Sept 2026; 1–7 October rest (National Day), Saturday 10 October is a make-up workday: 8, 9, 10, 12.
    const s = scoreUnit(scheme, unit('a', { reports: [report('r1', '2026-09-30', '2026-10-12'), report('r2', '2026-09-30', '2026-09-29')] }), '2026-10-20', cal);
    const reporting = s.indicators.find((i) => i.kind === 'reporting_on_time')!;
    expect(reporting).toMatchObject({ rule: 'share', ratio: '0.5000', points: '20.00', counted: 2 });
    expect(reporting.facts.map((f) => [f.ref, f.outcome, f.lateWorkdays])).toEqual([
      ['r1', 'late', 4],
      ['r2', 'on_time', 0],
    ]);
  });

  it('counts a report still owed as late up to the day of scoring and leaves out what is not yet due', () => {
    const s = scoreUnit(scheme, unit('a', { reports: [report('r1', '2026-06-01', null), report('r2', '2026-07-01', null)] }), '2026-06-05', cal);
    const reporting = s.indicators[0]!;
    expect(reporting.facts).toHaveLength(1);
    expect(reporting.facts[0]).toMatchObject({ outcome: 'owed', lateWorkdays: 4 });
    expect(reporting.points).toBe('0.00');
  });

  it('gives full points where nothing fell due, and says so', () => {
    const s = scoreUnit(scheme, unit('a', { reports: [report('r1', '2026-06-01', '2026-06-01')] }), '2026-06-05', cal);
    expect(s.indicators.map((i) => i.rule)).toEqual(['share', 'nothing_owed', 'nothing_owed', 'manual_missing']);
    expect(s.total).toBe('100.00');
    expect(s.noFacts).toBe(false);
  });

  it('holds targets to their trajectory without ever dividing by zero', () => {
    const targets = [
      { ref: 't1', title: 'GDP', expected: '200', actual: '150', reverse: false },
      { ref: 't2', title: '能耗', expected: '0.5', actual: '1', reverse: true },
      { ref: 't3', title: '新指标', expected: '0', actual: null, reverse: false },
      { ref: 't4', title: '未报', expected: '10', actual: null, reverse: false },
      { ref: 't5', title: '超额', expected: '10', actual: '30', reverse: false },
    ];
    const t = scoreUnit(scheme, unit('a', { targets }), '2026-06-30', cal).indicators.find((i) => i.kind === 'target_achievement')!;
    expect(t.facts.map((f) => [f.credit, f.outcome])).toEqual([
      ['0.7500', 'short'],
      ['0.5000', 'short'],
      ['1.0000', 'nothing_expected'],
      ['0.0000', 'no_actual'],
      ['1.0000', 'reached'],
    ]);
    expect(t.ratio).toBe('0.6500');
    expect(t.points).toBe('13.00');
  });

  it('applies approved 加分 and 扣分 within the caps, and a breakdown always adds up to its total', () => {
    const adjustments = [
      { ref: 'b1', points: '3', reason: '获省级表彰', evidence: null },
      { ref: 'b2', points: '4', reason: '经验推广', evidence: null },
      { ref: 'd1', points: '-2.5', reason: '被通报批评', evidence: null },
    ];
    const s = scoreUnit(scheme, unit('a', { evaluation: { score: '85', note: '' }, adjustments }), '2026-06-30', cal);
    expect(s).toMatchObject({ indicatorTotal: '98.50', bonus: '5.00', deduction: '2.50', total: '101.00' });
    const sum = s.indicators.reduce((a, i) => a.plus(i.points), new Decimal(s.bonus)).minus(s.deduction);
    expect(sum.toFixed(2)).toBe(s.total);
  });
});

describe('ranking a category', () => {
  it('shares a rank between equal totals, grades by threshold, and puts the top and bottom on the 红黑榜', () => {
    const late = (n: number) => Array.from({ length: 4 }, (_, i) => report(`r${i}`, '2026-05-06', i < n ? '2026-05-08' : '2026-05-06'));
    const result = assessCategory(scheme, [unit('甲', { reports: late(0) }), unit('乙', { reports: late(1) }), unit('丙', { reports: late(1) }), unit('丁', { reports: late(4) }), unit('戊')], '2026-06-30', cal);
    expect(result.map((r) => [r.unitId, r.total, r.rank, r.grade, r.honour])).toEqual([
      ['甲', '100.00', 1, 'excellent', 'red'],
      ['丙', '90.00', 2, 'excellent', null],
      ['乙', '90.00', 2, 'excellent', null],
      ['丁', '60.00', 4, 'fair', 'black'],
      ['戊', '100.00', null, null, null],
    ]);
    const ding = result[3]!;
    expect(ding.above).toMatchObject({ unitId: '乙', total: '30.00' });
    expect(ding.above!.indicators.find((i) => i.kind === 'reporting_on_time')!.gap).toBe('30.00');
    expect(result[0]!.above).toBeNull();
  });

  it('ranks an empty category as nothing and a single unit as red only', () => {
    expect(assessCategory(scheme, [], '2026-06-30', cal)).toEqual([]);
    const [only] = assessCategory(scheme, [unit('a', { reports: [report('r', '2026-05-06', null)] })], '2026-06-30', cal);
    expect(only).toMatchObject({ rank: 1, honour: 'red', grade: 'fair', total: '60.00' });
  });

  it('grades a threshold reached as that grade', () => {
    expect(gradeOf('90.00', DEFAULT_RULES)).toBe('excellent');
    expect(gradeOf('89.99', DEFAULT_RULES)).toBe('good');
    expect(gradeOf('60', DEFAULT_RULES)).toBe('fair');
    expect(gradeOf('59.99', DEFAULT_RULES)).toBe('poor');
  });
});
