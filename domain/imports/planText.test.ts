import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { TEST_UNITS, unitId } from './fixtures.js';
import { planTextRows } from './planText.js';
import { buildRows, resolvedUnits, rowIssues } from './rows.js';
import { unitMatcher } from './units.js';

const ctx = { match: unitMatcher(TEST_UNITS), env: { today: '2026-03-10', calendar: new WorkdayCalendar() } };

const PLAN = `双台子区推进产业振兴三年行动方案
为深入贯彻落实全面振兴新突破三年行动部署，制定本方案。
一、重点任务
（一）推进产业转型升级。
1.实施技术改造工程。对全区30家规上企业实施智能化改造。由区工信局牵头，各街镇配合，2026年6月底前完成。
2.培育新兴产业，由区发改局牵头，区财政局、区商务局配合，长期坚持。
（二）优化营商环境。牵头单位：区商务局；配合单位：建设街道。每月10日前报送进展，确保按期完成。
二、保障措施
（一）加强组织领导。`;

describe('a pasted plan', () => {
  const { preamble, rows: source } = planTextRows(PLAN);
  const rows = buildRows(source, ctx);
  it('keeps the text before the first clause', () => {
    expect(preamble).toEqual(['双台子区推进产业振兴三年行动方案', '为深入贯彻落实全面振兴新突破三年行动部署，制定本方案。']);
  });
  it('makes a tree of its clauses', () => {
    expect(rows.map((r) => [r.sourceLine, r.level, r.code, r.title])).toEqual([
      [3, 0, '1', '重点任务'],
      [4, 1, '1.1', '推进产业转型升级'],
      [5, 2, '1.1.1', '实施技术改造工程'],
      [6, 2, '1.1.2', '培育新兴产业'],
      [7, 1, '1.2', '优化营商环境'],
      [8, 0, '2', '保障措施'],
      [9, 1, '2.1', '加强组织领导'],
    ]);
  });
  it('reads lead, support and deadline from the sentences', () => {
    const tech = rows[2]!;
    expect(resolvedUnits(tech).leadUnitId).toBe(unitId('industry'));
    expect(tech.supportUnits[0]!.how).toBe('group');
    expect(tech.deadline!.deadline).toBe('2026-06-30');
    expect(tech.description).toBe('对全区30家规上企业实施智能化改造。');
    expect(resolvedUnits(rows[3]!)).toEqual({ leadUnitId: unitId('drc'), supportUnitIds: [unitId('finance'), unitId('commerce')] });
    expect(rows[3]!.deadline!.deadlineKind).toBe('ongoing');
  });
  it('keeps what it could not place beside the row', () => {
    const env = rows[4]!;
    expect(resolvedUnits(env)).toEqual({ leadUnitId: unitId('commerce'), supportUnitIds: [unitId('jianshe')] });
    expect(env.deadline!.recurrence).toEqual({ every: 'month', day: 10 });
    expect(env.unplaced).toEqual(['确保按期完成']);
    expect(rows.flatMap((r) => rowIssues(r).errors)).toEqual([]);
  });
  it('splits clauses written on one line', () => {
    const r = planTextRows('1.甲任务，区财政局牵头。2.乙任务，区商务局牵头。').rows;
    expect(r.map((x) => x.title)).toEqual(['1.甲任务', '2.乙任务']);
    expect(r.map((x) => x.lead)).toEqual(['区财政局', '区商务局']);
  });
});
