import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { TEST_UNITS, unitId } from './fixtures.js';
import { exportHeader, findItemHeader, type ItemKind } from './itemColumns.js';
import { applyItemFix, buildItemRows, itemRowIssues, itemSourceRows, itemUnitId, type ProjectImportRow, type TargetImportRow } from './itemRows.js';
import { parseImportNumber } from './numbers.js';
import type { GridRow } from './sheet.js';
import { unitMatcher } from './units.js';

const grid = (rows: string[][]): GridRow[] => rows.map((cells, i) => ({ line: i + 1, cells }));
const ctx = {
  match: unitMatcher(TEST_UNITS),
  env: { today: '2026-03-10', calendar: new WorkdayCalendar() },
  years: { from: 2025, to: 2027 },
  areas: [{ id: 'area-1', name: '产业振兴' }],
  takenCodes: new Set(['7']),
  firstCode: 1,
};
const read = (kind: ItemKind, rows: string[][]) => {
  const g = grid(rows);
  const h = findItemHeader(kind, g)!;
  return buildItemRows(kind, itemSourceRows(g, h.columns, h.dataFrom), ctx);
};
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('numbers as offices write them', () => {
  it('reads separators, full-width digits, percentages and 亿/万/元 exactly', () => {
    const t = { scale: 4, signed: true };
    const m = { scale: 2, signed: false, money: true };
    expect(parseImportNumber('1,200.5', t)).toEqual({ value: '1200.5' });
    expect(parseImportNumber('１２．５％', t)).toEqual({ value: '12.5' });
    expect(parseImportNumber('-3', t)).toEqual({ value: '-3' });
    expect(parseImportNumber('0.1', t)).toEqual({ value: '0.1' });
    expect(parseImportNumber('1.2亿', m)).toEqual({ value: '12000' });
    expect(parseImportNumber('1.23456789亿元', m)).toEqual({ problem: 'number_scale' });
    expect(parseImportNumber('500万元', m)).toEqual({ value: '500' });
    expect(parseImportNumber('3,000,000元', m)).toEqual({ value: '300' });
    expect(parseImportNumber('-1', m)).toEqual({ problem: 'number_negative' });
    expect(parseImportNumber('12.345', m)).toEqual({ problem: 'number_scale' });
    expect(parseImportNumber('约100', t)).toEqual({ problem: 'number_bad' });
    expect(parseImportNumber('1,20', t)).toEqual({ problem: 'number_bad' });
    expect(parseImportNumber('1e5', t)).toEqual({ problem: 'number_bad' });
    expect(parseImportNumber('12345678901234567', t)).toEqual({ problem: 'number_too_big' });
  });
});

describe('reading a 指标表', () => {
  it('finds the header under a title, with 年度目标值 merged over its years', () => {
    const g = grid([
      ['双台子区三年行动主要指标表', '', '', '', '', '', ''],
      ['序号', '指标名称', '单位', '基期值', '年度目标值', '年度目标值', '责任单位'],
      ['序号', '指标名称', '单位', '基期值', '2026年', '2027年', '责任单位'],
      ['1', '地区生产总值增速', '%', '5.2', '6', '6.5', '区发改局'],
    ]);
    expect(findItemHeader('target', g)).toEqual({ columns: { code: 0, name: 1, measureUnit: 2, baseline: 3, 'goal:2026': 4, 'goal:2027': 5, unit: 6 }, dataFrom: 3 });
    expect(findItemHeader('project', g)).toBeUndefined();
  });
  it('reads each row into what the target form takes, naming a bad cell', () => {
    const rows = read('target', [
      ['序号', '指标名称', '计量单位', '指标方向', '统计口径', '报送周期', '基期值', '2026年目标值', '2027年目标值', '责任单位', '重点领域'],
      ['T1', '规上工业增加值增速', '%', '正向', '累计值', '按季', '1,200.5', '1300', '1400.25', '区工信局', '产业振兴'],
      ['', '单位GDP能耗', '吨标准煤/万元', '', '', '', '0.8', '0.75', '0.7', '区发展和改革局', '生态'],
      ['', '新增市场主体', '户', '越大越好', '', '', '约100', '120', '2030', '区财务局', ''],
      ['合计', '', '', '', '', '', '', '', '', '', ''],
    ]) as TargetImportRow[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ code: 'T1', name: '规上工业增加值增速', area: { areaId: 'area-1' } });
    expect(rows[0]!.values).toEqual({ measureUnit: '%', baseline: '1200.5', direction: 'higher', accumulation: 'cumulative', period: 'quarterly', goals: [{ year: 2026, goal: '1300' }, { year: 2027, goal: '1400.25' }] });
    expect(itemUnitId(rows[0]!)).toBe(unitId('industry'));
    expect(itemRowIssues(rows[0]!).errors).toEqual([]);
    // No direction written, the goals fall: lower is better, said as a warning; codes continue past a taken one.
    expect(rows[1]).toMatchObject({ code: '1', values: { direction: 'lower' } });
    expect(itemRowIssues(rows[1]!).warnings.map((w) => w.code)).toEqual(['area_unknown', 'direction_inferred']);
    const third = itemRowIssues(rows[2]!);
    expect(codes(third).sort()).toEqual(['number_bad', 'unit_unknown']);
    expect(codes(itemRowIssues(applyItemFix(rows[2]!, { cell: 'goal:2030', text: '5' }, ctx)))).toContain('year_outside');
    expect(third.errors.find((e) => e.code === 'number_bad')).toMatchObject({ cell: 'baseline', params: { cell: 'G4', text: '约100' } });
    // Fixed in place: the number and the unit from its suggestions.
    let fixed = applyItemFix(rows[2]!, { cell: 'baseline', text: '100' }, ctx);
    fixed = applyItemFix(fixed, { unitText: '区财务局', unitId: unitId('finance'), unitName: '区财政局' }, ctx);
    expect(itemRowIssues(fixed).errors).toEqual([]);
    expect(fixed.values).toMatchObject({ baseline: '100', goals: [{ year: 2026, goal: '120' }, { year: 2027, goal: '2030' }] });
  });
  it('marks an empty name, a repeated code, a formula and unstorable text on their row', () => {
    const g = grid([
      ['序号', '指标名称', '计量单位', '基期值', '目标值', '责任单位'],
      ['3', '', '个', '1', '2', '区财政局'],
      ['3', '甲\u0000', '个\u202e', '1', '2', '区财政局'],
    ]);
    g[2]!.problems = [{ field: 'row', code: 'formula', params: { cell: 'D3' } }];
    const h = findItemHeader('target', g)!;
    const rows = buildItemRows('target', itemSourceRows(g, h.columns, h.dataFrom), ctx);
    expect(codes(itemRowIssues(rows[0]!))).toEqual(['name_missing']);
    expect(itemRowIssues(rows[0]!).warnings.map((w) => w.code)).toEqual(['year_assumed']);
    expect(codes(itemRowIssues(rows[1]!)).sort()).toEqual(['code_repeated', 'formula', 'unstorable', 'unstorable']);
    expect(rows[1]!.name).not.toContain('\u0000');
  });
});

describe('reading a 重点项目表', () => {
  it('reads money in 万元 or 亿, stages, planned dates and a span, and checks the plans against the total', () => {
    const rows = read('project', [
      ['2026年重点项目表', '', '', '', '', '', '', '', ''],
      ['序号', '项目名称', '建设内容', '总投资(万元)', '2026年计划投资', '建设地点', '起止年限', '项目阶段', '责任单位'],
      ['1', '精细化工产业园', '建设厂房', '1.2亿', '3,000', '陆家镇', '2026-2027', '在建', '盘锦精细化工产业开发区管委会'],
      ['2', '污水处理厂', '', '500', '600', '', '2026年3月至2026年13月', '续建中', '各街镇'],
    ]) as ProjectImportRow[];
    expect(rows[0]!.values).toEqual({
      ownerEnterprise: '',
      location: '陆家镇',
      totalInvestment: '12000',
      stage: 'building',
      stageDates: { started: { planned: '2026-12-31' }, operating: { planned: '2027-12-31' } },
      yearPlans: [{ year: 2026, planned: '3000' }],
    });
    expect(itemRowIssues(rows[0]!).errors).toEqual([]);
    expect(codes(itemRowIssues(rows[1]!)).sort()).toEqual(['choice_unknown', 'deadline_impossible', 'plan_over_total', 'unit_not_one']);
  });
  it('writes a header the import reads back, years in place of the undated column, the light after', () => {
    for (const kind of ['target', 'project'] as const) {
      const { keys, labels } = exportHeader(kind, [2026, 2027]);
      expect(labels.slice(-2)).toEqual(['灯色', '灯色原因']);
      const h = findItemHeader(kind, grid([labels]))!;
      expect(Object.keys(h.columns).sort()).toEqual([...keys].sort());
    }
  });
});
