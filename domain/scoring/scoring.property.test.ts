import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, dayNumber } from '../calendar/days.js';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { emptyFacts, type DeadlineFact, type UnitFacts } from './facts.js';
import { rankScores } from './rank.js';
import { DEFAULT_RULES, INDICATOR_KINDS, schemeProblem, weightSum, type Indicator } from './scheme.js';
import { scoreUnit } from './score.js';

const cal = new WorkdayCalendar();
const ASOF = '2026-06-30';
const base = dayNumber('2026-04-01');
const day = fc.integer({ min: 0, max: 120 }).map((n) => fromDayNumber(base + n));
const deadline: fc.Arbitrary<DeadlineFact> = fc.record({
  ref: fc.uuid(),
  title: fc.string(),
  detail: fc.constant(''),
  due: day,
  doneOn: fc.option(day, { nil: null }),
});
const amount = fc.integer({ min: -100, max: 10_000 }).map((n) => new Decimal(n).div(10).toFixed(1));

/** Weights in cents that add up to 100.00 exactly, one per indicator kind chosen. */
const indicators: fc.Arbitrary<Indicator[]> = fc
  .shuffledSubarray([...INDICATOR_KINDS], { minLength: 1 })
  .chain((kinds) =>
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: kinds.length, maxLength: kinds.length }).map((raw) => {
      const total = raw.reduce((a, b) => a + b, 0);
      const cents = raw.map((r) => Math.floor((r * 10_000) / total));
      cents[0]! += 10_000 - cents.reduce((a, b) => a + b, 0);
      return kinds.map((kind, i) => ({ kind, weight: new Decimal(cents[i]!).div(100).toFixed(2) }));
    }),
  )
  .filter((inds) => inds.every((i) => new Decimal(i.weight).gt(0)));

const facts: fc.Arbitrary<UnitFacts> = fc.record({
  unitId: fc.uuid(),
  unitName: fc.string(),
  reports: fc.array(deadline, { maxLength: 6 }),
  tasks: fc.array(deadline, { maxLength: 6 }),
  targets: fc.array(fc.record({ ref: fc.uuid(), title: fc.string(), expected: fc.option(amount, { nil: null }), actual: fc.option(amount, { nil: null }), reverse: fc.boolean() }), { maxLength: 4 }),
  projects: fc.array(fc.record({ ref: fc.uuid(), title: fc.string(), planned: amount, done: amount }), { maxLength: 4 }),
  rectifications: fc.array(deadline, { maxLength: 4 }),
  blockers: fc.array(deadline, { maxLength: 4 }),
  replies: fc.array(deadline, { maxLength: 4 }),
  evaluation: fc.option(fc.record({ score: fc.integer({ min: 0, max: 100 }).map(String), note: fc.constant('') }), { nil: null }),
  adjustments: fc.array(fc.record({ ref: fc.uuid(), points: fc.integer({ min: -800, max: 800 }).map((n) => new Decimal(n).div(100).toFixed(2)), reason: fc.string(), evidence: fc.constant(null) }), { maxLength: 4 }),
});

describe('the scoring engine, for any facts', () => {
  it('accepts the weights it generates (summing to 100) and refuses them once one moves a cent', () => {
    fc.assert(
      fc.property(indicators, (inds) => {
        expect(weightSum(inds).toFixed(2)).toBe('100.00');
        expect(schemeProblem({ indicators: inds, rules: DEFAULT_RULES })).toBeNull();
        const off = inds.map((i, n) => (n === 0 ? { ...i, weight: new Decimal(i.weight).plus('0.01').toFixed(2) } : i));
        expect(schemeProblem({ indicators: off, rules: DEFAULT_RULES })?.code).toBe('weights_sum');
      }),
    );
  });

  it('adds a breakdown up to its total exactly, never NaN, never below 0', () => {
    fc.assert(
      fc.property(indicators, facts, (inds, f) => {
        const s = scoreUnit({ indicators: inds, rules: DEFAULT_RULES }, f, ASOF, cal);
        const sum = s.indicators.reduce((a, i) => a.plus(i.points), new Decimal(s.bonus)).minus(s.deduction);
        expect(sum.toFixed(2)).toBe(s.total);
        expect(s.indicators.reduce((a, i) => a.plus(i.points), new Decimal(0)).toFixed(2)).toBe(s.indicatorTotal);
        expect(new Decimal(s.total).gte(0)).toBe(true);
        expect(new Decimal(s.indicatorTotal).lte(100)).toBe(true);
        for (const i of s.indicators) expect(new Decimal(i.points).lte(i.weight)).toBe(true);
      }),
    );
  });

  it('never raises a unit’s score when a late report is added', () => {
    const lateReport = fc.record({ due: day, late: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }) }).map(({ due, late }) => ({
      ref: 'late',
      title: '迟报',
      detail: '',
      due,
      doneOn: late === null ? null : fromDayNumber(dayNumber(due) + late),
    }));
    fc.assert(
      fc.property(indicators, facts, lateReport, (inds, f, late) => {
        const scheme = { indicators: inds, rules: DEFAULT_RULES };
        const before = scoreUnit(scheme, f, ASOF, cal);
        const after = scoreUnit(scheme, { ...f, reports: [...f.reports, late] }, ASOF, cal);
        expect(new Decimal(after.total).lte(before.total)).toBe(true);
      }),
    );
  });

  it('ranks every unit with facts, a better total never below a worse one', () => {
    fc.assert(
      fc.property(indicators, fc.array(facts, { maxLength: 8 }), (inds, all) => {
        const ranked = rankScores(
          all.map((f) => scoreUnit({ indicators: inds, rules: DEFAULT_RULES }, f, ASOF, cal)),
          DEFAULT_RULES,
        );
        const withRank = ranked.filter((r) => r.rank !== null);
        for (const a of withRank) for (const b of withRank) if (new Decimal(a.total).gt(b.total)) expect(a.rank!).toBeLessThan(b.rank!);
        for (const r of withRank) if (r.above) expect(new Decimal(r.above.total).gt(0)).toBe(true);
        expect(ranked.filter((r) => r.honour === 'red').every((r) => r.rank === 1)).toBe(true);
      }),
    );
  });

  it('scores a unit without any fact by the stated rules: full marks, not ranked', () => {
    const s = scoreUnit({ indicators: [{ kind: 'reporting_on_time', weight: '100' }], rules: DEFAULT_RULES }, emptyFacts('u', 'u'), ASOF, cal);
    expect(s).toMatchObject({ total: '100.00', noFacts: true });
    expect(rankScores([s], DEFAULT_RULES)[0]).toMatchObject({ rank: null, grade: null, honour: null });
  });
});
