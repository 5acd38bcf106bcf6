import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { computeLight } from './lights.js';
import { yearOutlook } from './targetOutlook.js';
import { trajectory, yearToDate, type TrajectoryInput } from './targets.js';

const cal = new WorkdayCalendar();
// 一般公共预算收入: 18.6亿 last year, 19.8亿 this year's goal, reported monthly.
const revenue = (accumulation: TrajectoryInput['accumulation']) => ({
  baseline: '18.6',
  goals: [{ year: 2026, goal: '19.8' }],
  period: 'monthly' as const,
  direction: 'higher' as const,
  accumulation,
});

describe('how a target’s figures add up (issue 17 item 4)', () => {
  it('plans a year-to-date figure from nothing to the year’s goal, a period amount as its share, a level from last year’s goal', () => {
    const at = (kind: TrajectoryInput['accumulation'], period: string) => trajectory(revenue(kind)).find((p) => p.period === period)!.expected;
    expect(at('cumulative', '2026-01')).toBe('1.6500');
    expect(at('cumulative', '2026-06')).toBe('9.9000');
    expect(at('cumulative', '2026-12')).toBe('19.8000');
    expect(at('periodic', '2026-05')).toBe('1.6500');
    expect(at('level', '2026-06')).toBe('19.2000');
  });

  it('reads May’s 8.4亿 as the year to date: on track for the goal, not "预计难以完成"', () => {
    const ytd = [
      { period: '2026-01', value: '1.7' },
      { period: '2026-03', value: '5.0' },
      { period: '2026-05', value: '8.4' },
    ];
    expect(yearOutlook(revenue('cumulative'), 2026, ytd)).toMatchObject({ value: '20.2', basis: 'trend', willMeet: true });
    const standing = yearToDate(revenue('cumulative'), 2026, ytd)!;
    expect(standing).toMatchObject({ period: '2026-05', actual: '8.4000', expected: '8.2500' });
    const light = computeLight(
      { today: '2026-06-10', target: { direction: 'higher', baseline: 18.6, actual: Number(standing.actual), expected: Number(standing.expected), period: '2026-05', accumulation: 'cumulative' } },
      cal,
    );
    expect(light.light).toBe('green');
    // Short by a tenth of the plan to date: yellow — judged against the plan itself, not last year's total.
    const short = computeLight({ today: '2026-06-10', target: { direction: 'higher', baseline: 18.6, actual: 7.4, expected: 8.25, period: '2026-05', accumulation: 'cumulative' } }, cal);
    expect(short.light).toBe('yellow');
    // The year's last month in: its figure is the year's value.
    expect(yearOutlook(revenue('cumulative'), 2026, [...ytd, { period: '2026-12', value: '19.6' }])).toMatchObject({ value: '19.6', basis: 'final', willMeet: false });
  });

  it('adds up period amounts for the year: 1.7亿 a month reaches 20.4亿', () => {
    const months = ['01', '02', '03', '04'].map((m) => ({ period: `2026-${m}`, value: '1.7' }));
    expect(yearToDate(revenue('periodic'), 2026, months)).toMatchObject({ actual: '6.8000', expected: '6.6000' });
    expect(yearOutlook(revenue('periodic'), 2026, months)).toMatchObject({ value: '20.4', basis: 'trend', willMeet: true });
    const all = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value: '1.6' }));
    expect(yearOutlook(revenue('periodic'), 2026, all)).toMatchObject({ value: '19.2', basis: 'final', willMeet: false });
  });

  it('keeps a level as it was: the latest figure against the line from last year’s goal', () => {
    expect(yearToDate(revenue('level'), 2026, [{ period: '2026-06', value: '19.1' }])).toMatchObject({ actual: '19.1000', expected: '19.2000' });
    expect(yearToDate(revenue('level'), 2027, [{ period: '2026-06', value: '19.1' }])).toBeNull();
  });
});
