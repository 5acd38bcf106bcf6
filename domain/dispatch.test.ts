import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { deadlineProblem, defaultDispatchDeadline, figureProblems, figureTotals, lateWorkdays, normaliseFigures, repliedLate, toChase, trackedLight } from './dispatch.js';
import { nextState, stepRoles } from './workflows/flow.js';
import { dispatchFlow, replyFlow } from './workflows/dispatch.js';

const cal = new WorkdayCalendar();
const columns = [
  { key: 'jobs', label: '新增就业', unit: '人' },
  { key: 'invest', label: '完成投资', unit: '万元' },
];

describe('dispatch orders (调度令)', () => {
  it('proposes three workdays ahead, over a weekend and a holiday', () => {
    // Friday 2026-06-05 → Wednesday 2026-06-10.
    expect(defaultDispatchDeadline(cal, '2026-06-05')).toBe('2026-06-10');
    // 2026-09-30 (Wed) → the National Day week is off; the make-up workday 2026-10-10 (Sat) counts.
    expect(defaultDispatchDeadline(cal, '2026-09-30')).toBe(cal.addWorkdays('2026-09-30', 3));
  });
  it('refuses a past deadline and proposes the next workday for a rest day', () => {
    expect(deadlineProblem(cal, '2026-06-09', '2026-06-10')).toEqual({ code: 'past' });
    expect(deadlineProblem(cal, '2026-06-13', '2026-06-10')).toEqual({ code: 'rest_day', next: '2026-06-15' });
    expect(deadlineProblem(cal, '2026-06-10', '2026-06-10')).toBeNull();
  });
  it('counts lateness in workdays after the deadline day', () => {
    expect(lateWorkdays(cal, '2026-06-10', '2026-06-10')).toBe(0);
    expect(lateWorkdays(cal, '2026-06-10', '2026-06-11')).toBe(1);
    // Friday's deadline is not late on the weekend, one day late on Monday.
    expect(lateWorkdays(cal, '2026-06-12', '2026-06-14')).toBe(0);
    expect(lateWorkdays(cal, '2026-06-12', '2026-06-15')).toBe(1);
  });
  it('marks a reply late by its Shanghai date', () => {
    // 16:30 UTC on the 10th is 00:30 on the 11th in Shanghai.
    expect(repliedLate('2026-06-10', new Date('2026-06-10T15:59:00Z'))).toBe(false);
    expect(repliedLate('2026-06-10', new Date('2026-06-10T16:30:00Z'))).toBe(true);
  });
  it('chases only the units without a reply', () => {
    expect(toChase([{ status: 'pending', u: 1 }, { status: 'replied', u: 2 }] as const).map((r) => r.u)).toEqual([1]);
  });
  it('checks figures against the order’s columns', () => {
    expect(figureProblems(columns, { jobs: '12', invest: '3.5' })).toEqual({});
    expect(figureProblems(columns, { jobs: '1.23456', other: '1' })).toEqual({ 'figures.jobs': 'decimal', 'figures.invest': 'required', 'figures.other': 'unknown' });
    expect(figureProblems(columns, { jobs: ' ', invest: '1e3' })).toEqual({ 'figures.jobs': 'required', 'figures.invest': 'decimal' });
  });
  it('stores and adds figures exactly', () => {
    expect(normaliseFigures(columns, { jobs: '007', invest: '-0.10' })).toEqual({ jobs: '7', invest: '-0.1' });
    expect(figureTotals(columns, [{ jobs: '0.1', invest: '1' }, null, { jobs: '0.2', invest: '2.0001' }])).toEqual({ jobs: '0.3', invest: '3.0001' });
    // Past decimal.js's default 20 significant digits: still exact.
    const big = { jobs: '9999999999999999.9999', invest: '0.0001' };
    expect(figureTotals(columns, Array.from({ length: 500 }, () => big))).toEqual({ jobs: '4999999999999999999.95', invest: '0.05' });
  });
  it('flows draft → sent → closed, replies until closed', () => {
    expect(nextState(dispatchFlow, 'draft', 'send')).toBe('sent');
    expect(nextState(dispatchFlow, 'draft', 'chase')).toBeUndefined();
    expect(nextState(dispatchFlow, 'sent', 'chase')).toBe('sent');
    expect(nextState(dispatchFlow, 'closed', 'send')).toBeUndefined();
    expect(stepRoles(dispatchFlow, 'sent', 'close')).toEqual(['hq_office']);
    expect(nextState(replyFlow, 'replied', 'reply')).toBe('replied');
    expect(stepRoles(replyFlow, 'pending', 'reply')).toEqual(['liaison', 'unit_head']);
  });
});

describe('the light of an order or a 批示', () => {
  const out = (deadline: string, ...statuses: ('pending' | 'replied')[]) => ({ status: 'sent' as const, deadline, pending: statuses.includes('pending') });
  it('is green while the deadline is more than a workday away, yellow on the day before and the day itself, red a workday after', () => {
    // Deadline Friday 2026-06-12.
    expect(trackedLight(cal, out('2026-06-12', 'pending', 'replied'), '2026-06-10')).toBe('green');
    expect(trackedLight(cal, out('2026-06-12', 'pending'), '2026-06-11')).toBe('yellow');
    expect(trackedLight(cal, out('2026-06-12', 'pending'), '2026-06-12')).toBe('yellow');
    // The weekend after it is not a workday late: still yellow; Monday is.
    expect(trackedLight(cal, out('2026-06-12', 'pending'), '2026-06-13')).toBe('yellow');
    expect(trackedLight(cal, out('2026-06-12', 'pending'), '2026-06-15')).toBe('red');
  });
  it('counts the workday before over a holiday: before a deadline just after National Day, that is 30 September', () => {
    // 2026-10-01…07 are off; 2026-10-08 (Thu) is the first workday after them.
    expect(trackedLight(cal, out('2026-10-08', 'pending'), '2026-09-29')).toBe('green');
    expect(trackedLight(cal, out('2026-10-08', 'pending'), '2026-09-30')).toBe('yellow');
    expect(trackedLight(cal, out('2026-10-08', 'pending'), '2026-10-05')).toBe('yellow');
    expect(trackedLight(cal, out('2026-10-08', 'pending'), '2026-10-09')).toBe('red');
  });
  it('is done once every unit replied or it is closed, and not started while a draft', () => {
    expect(trackedLight(cal, out('2026-06-12', 'replied', 'replied'), '2026-06-30')).toBe('done');
    expect(trackedLight(cal, { ...out('2026-06-12', 'pending'), status: 'closed' }, '2026-06-30')).toBe('done');
    expect(trackedLight(cal, { ...out('2026-06-12', 'pending'), status: 'draft' }, '2026-06-01')).toBe('not_started');
  });
});
