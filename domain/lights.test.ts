import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkdayCalendar } from './calendar/workdays.js';
import { computeLight, expectedProgress, LIGHTS, rollUpLights, type LightFacts } from './lights.js';
import { lightReasonText } from './lightText.js';

const cal = new WorkdayCalendar();

describe('status lights', () => {
  it('is green with its reason when progress keeps pace', () => {
    const r = computeLight({ today: '2026-06-30', start: '2026-01-01', deadline: '2026-12-31', progress: 50, lastReport: '2026-06-20', reportPeriod: 'monthly' }, cal);
    expect(r.light).toBe('green');
    expect(lightReasonText(r.reasons[0]!, 'zh-CN')).toBe('按序时进度推进');
  });
  it('names an overdue milestone in workdays', () => {
    const r = computeLight({ today: '2026-05-14', milestones: [{ name: '开工', due: '2026-05-11', done: false }] }, cal);
    expect(r.light).toBe('yellow');
    expect(lightReasonText(r.reasons[0]!, 'zh-CN')).toBe('节点“开工”逾期3个工作日');
    const later = computeLight({ today: '2026-05-20', milestones: [{ name: '开工', due: '2026-05-11', done: false }] }, cal);
    expect(later.light).toBe('red');
  });
  it('turns red past the deadline, counting workdays across holidays', () => {
    const r = computeLight({ today: '2026-10-09', start: '2026-01-01', deadline: '2026-09-30', progress: 90 }, cal);
    expect(r.light).toBe('red');
    expect(r.reasons[0]).toMatchObject({ code: 'overdue', params: { workdays: 2 } });
  });
  it('compares progress with 序时进度', () => {
    expect(expectedProgress(cal, '2026-01-01', '2026-12-31', '2026-07-01')).toBeGreaterThan(45);
    // Nothing is expected on the first day, whichever weekday it is; the day before the deadline, all but its last day.
    for (const start of ['2026-12-04', '2026-12-06', '2026-12-31']) expect(expectedProgress(cal, start, cal.addWorkdays(start, 2), start)).toBe(0);
    expect(expectedProgress(cal, '2026-12-07', '2026-12-09', '2026-12-08')).toBe(33.3);
    expect(expectedProgress(cal, '2026-12-07', '2026-12-09', '2026-12-09')).toBe(100);
    expect(computeLight({ today: '2026-07-01', start: '2026-01-01', deadline: '2026-12-31', progress: 35 }, cal).light).toBe('yellow');
    expect(computeLight({ today: '2026-07-01', start: '2026-01-01', deadline: '2026-12-31', progress: 10 }, cal).light).toBe('red');
  });
  it('turns yellow after one period without an approved report, red after two', () => {
    const base: LightFacts = { today: '2026-06-30', start: '2026-01-01', reportPeriod: 'monthly' };
    expect(computeLight({ ...base, lastReport: '2026-06-01' }, cal).light).toBe('green');
    expect(computeLight({ ...base, lastReport: '2026-05-15' }, cal).light).toBe('yellow');
    expect(computeLight({ ...base, lastReport: '2026-04-01' }, cal).light).toBe('red');
  });
  it('judges a target by its trajectory, in either direction', () => {
    const t = (actual: number, direction: 'higher' | 'lower' = 'higher') =>
      computeLight({ today: '2026-06-30', target: { direction, baseline: 100, expected: direction === 'higher' ? 150 : 50, actual, period: '2026-06' } }, cal).light;
    expect(t(150)).toBe('green');
    expect(t(146)).toBe('yellow');
    expect(t(120)).toBe('red');
    expect(t(50, 'lower')).toBe('green');
    // Exactly at a threshold counts as reached, in exact decimals (floating point made 0.665 of 0.7 a 4.99… % shortfall).
    const rate = (actual: number) => computeLight({ today: '2026-06-30', target: { direction: 'higher', baseline: 0, expected: 0.7, actual, period: '2026-06' } }, cal).light;
    expect(rate(0.665)).toBe('yellow');
    expect(rate(0.6651)).toBe('green');
    expect(rate(0.595)).toBe('red');
    expect(t(60, 'lower')).toBe('red');
  });
  it('is done or not started when the facts say so', () => {
    expect(computeLight({ today: '2026-06-30', done: true, deadline: '2026-01-01' }, cal).light).toBe('done');
    expect(computeLight({ today: '2026-06-30', start: '2026-09-01', deadline: '2026-12-31' }, cal).light).toBe('not_started');
  });
  it('never throws on odd data and always gives a reason', () => {
    const date = fc.oneof(fc.constant(null), fc.constant('2026-02-30'), fc.constant('garbage'), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    const num = fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(
        fc.record({
          today: date.map((d) => d ?? '2026-06-30'),
          start: date,
          deadline: date,
          done: fc.boolean(),
          progress: num,
          milestones: fc.array(fc.record({ name: fc.string().map((n) => n.replace(/[{}]/g, '')), due: date, done: fc.boolean() }), { maxLength: 4 }),
          lastReport: date,
          reportPeriod: fc.constantFrom('weekly', 'monthly', 'quarterly', null),
          target: fc.option(
            fc.record({ direction: fc.constantFrom('higher', 'lower'), baseline: fc.double(), actual: num, expected: num, period: fc.constant('2026-06'), decimals: fc.integer({ min: -2, max: 9 }), unit: fc.constant('亿元') }),
          ),
          awaitingClaimSince: date,
          investment: fc.option(fc.record({ year: fc.constantFrom(2025, 2026, 2027, NaN), planned: fc.constantFrom('1000', '0', '-5', 'abc', '386000.00'), done: fc.constantFrom('0', '38.7', 'x', '1e400') })),
        }) as fc.Arbitrary<LightFacts>,
        (facts) => {
          const r = computeLight(facts, cal);
          expect(LIGHTS).toContain(r.light);
          expect(r.reasons.length).toBeGreaterThan(0);
          // Milestone names carry no braces here, so a brace in the text is a placeholder left unfilled.
          for (const reason of r.reasons) expect(lightReasonText(reason, 'zh-CN')).not.toMatch(/[{}]/);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('rolls lights up to the worst, with counts', () => {
    expect(rollUpLights(['green', 'red', 'done'])).toEqual({ light: 'red', counts: { green: 1, yellow: 0, red: 1, done: 1, not_started: 0 } });
    expect(rollUpLights(['done', 'done']).light).toBe('done');
    expect(rollUpLights([]).light).toBe('not_started');
  });

  it('waits for a claim, then turns yellow and red as the claim deadline passes (issue 17 item 3)', () => {
    // Assigned Monday 2026-11-30: five workdays to claim, due Monday 2026-12-07.
    const fresh: LightFacts = { today: '2026-12-01', start: '2026-11-30', deadline: '2027-12-31', progress: 0, awaitingClaimSince: '2026-11-30' };
    const waiting = computeLight(fresh, cal);
    expect(waiting.light).toBe('not_started');
    expect(waiting.reasons.map((r) => r.code)).not.toContain('on_track');
    expect(lightReasonText(waiting.reasons[0]!, 'zh-CN')).toBe('待认领，应于2026-12-07前认领');
    const late = computeLight({ ...fresh, today: '2026-12-08' }, cal);
    expect(late.light).toBe('yellow');
    expect(lightReasonText(late.reasons[0]!, 'zh-CN')).toBe('未认领：应于2026-12-07前认领，已超1个工作日');
    expect(lightReasonText(late.reasons[0]!, 'en-US')).toBe('Not claimed: the claim was due 2026-12-07, 1 workday late');
    expect(computeLight({ ...fresh, today: '2026-12-11' }, cal).light).toBe('red');
    // Once claimed, the same facts are on track.
    expect(computeLight({ ...fresh, awaitingClaimSince: null }, cal).light).toBe('green');
  });
  it('holds a project to its 投产 date and to this year\'s investment against 序时 (issue 17 item 2)', () => {
    const milestones = [{ name: '投产', due: '2027-06-30', done: false }];
    const base: LightFacts = { today: '2026-08-03', start: '2024-01-15', milestones, lastReport: '2026-07-20', reportPeriod: 'monthly' };
    // Without a plan for the year, a project with a planned 投产 date is not "长期坚持".
    const plain = computeLight(base, cal);
    expect(plain.reasons.map((r) => r.code)).not.toContain('no_deadline');
    // XM-04: 38.7 % of the year's plan done on 3 August, when some 56 % of the year's workdays are past.
    const behind = computeLight({ ...base, investment: { year: 2026, planned: '10000.00', done: '3870.00' } }, cal);
    expect(behind.light).toBe('yellow');
    expect(behind.reasons[0]).toMatchObject({ code: 'investment_behind', params: { rate: 38.7 } });
    expect(lightReasonText(behind.reasons[0]!, 'zh-CN')).toMatch(/^2026年计划投资10000\.00万元，已完成3870\.00万元（38\.7%），序时进度\d+(\.\d)?%，落后\d+(\.\d)?个百分点$/);
    expect(computeLight({ ...base, investment: { year: 2026, planned: '10000.00', done: '1000.00' } }, cal).light).toBe('red');
    const onTrack = computeLight({ ...base, investment: { year: 2026, planned: '10000.00', done: '5200.00' } }, cal);
    expect(onTrack.light).toBe('green');
    expect(onTrack.reasons.map((r) => r.code)).toEqual(['investment_on_track']);
    // The investment and the stage dates each give their own reason: both show when both are late.
    const both = computeLight({ ...base, today: '2027-07-15', lastReport: '2027-07-01', investment: { year: 2027, planned: '100', done: '10' } }, cal);
    expect(both.reasons.map((r) => r.code).sort()).toEqual(['investment_behind', 'milestone_overdue']);
  });
  it('states a target\'s figures to its precision, with its unit (issue 17 item 7)', () => {
    const r = computeLight({ today: '2026-06-30', target: { direction: 'higher', baseline: 18, expected: 20.9667, actual: 19.5, period: '2026-06', decimals: 1, unit: '亿元' } }, cal);
    expect(lightReasonText(r.reasons[0]!, 'zh-CN')).toBe('2026-06实际值19.5亿元，未达到计划值21.0亿元');
    expect(lightReasonText(r.reasons[0]!, 'en-US')).toBe('2026-06 actual 19.5 亿元 is behind the planned 21.0 亿元');
  });
});

describe('a blocked item (issue 21 item 3)', () => {
  const cal = new WorkdayCalendar();
  const base = { today: '2026-06-10', start: '2026-01-05', deadline: '2026-12-31', progress: 60, reportPeriod: 'monthly' as const, lastReport: '2026-06-01' };
  it('names its unresolved blocker last, and keeps the colour the work gives it', () => {
    const free = computeLight(base, cal);
    const blocked = computeLight({ ...base, blockedBy: [{ title: '用地指标未落实', level: 'hq' }, { title: '资金缺口', level: 'unit' }] }, cal);
    expect(blocked.light).toBe(free.light);
    expect(blocked.reasons.slice(0, -1)).toEqual(free.reasons);
    expect(lightReasonText(blocked.reasons.at(-1)!, 'zh-CN')).toBe('有2个堵点尚未解决：“用地指标未落实”（指挥部）');
    expect(lightReasonText(blocked.reasons.at(-1)!, 'en-US')).toBe('2 unresolved blockers: "用地指标未落实" (with the HQ)');
  });
  it('stays red when the work is late, and says what holds it back', () => {
    const late = computeLight({ ...base, deadline: '2026-06-01', blockedBy: [{ title: '环评批复滞后', level: 'task_force' }] }, cal);
    expect(late.light).toBe('red');
    expect(late.reasons.map((r) => r.code)).toEqual(['overdue', 'blocked']);
  });
});
