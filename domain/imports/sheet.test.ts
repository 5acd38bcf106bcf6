import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { TEST_UNITS, unitId } from './fixtures.js';
import { buildRows, resolvedUnits, rowIssues } from './rows.js';
import { findHeader, sheetRows, type GridRow } from './sheet.js';
import { unitMatcher } from './units.js';

const grid = (rows: string[][]): GridRow[] => rows.map((cells, i) => ({ line: i + 1, cells }));
const ctx = { match: unitMatcher(TEST_UNITS), env: { today: '2026-03-10', calendar: new WorkdayCalendar() } };
const read = (rows: string[][]) => {
  const g = grid(rows);
  const h = findHeader(g)!;
  return buildRows(sheetRows(g, h.columns, h.dataFrom), ctx);
};

describe('reading a 任务分解表', () => {
  it('skips a title row above the header and reads numbering in the text', () => {
    const rows = read([
      ['双台子区三年行动重点任务分解表', '', '', '', ''],
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '一、推进产业升级', '', '', ''],
      ['2', '（一）实施技术改造', '区工信局', '各街镇', '2026年6月底前'],
      ['3', '（二）培育新兴产业', '区发改局', '区财政局、区商务局', '每季度末'],
    ]);
    expect(rows.map((r) => [r.sourceLine, r.level, r.code, r.label, r.title])).toEqual([
      [3, 0, '1', '一、', '推进产业升级'],
      [4, 1, '1.1', '（一）', '实施技术改造'],
      [5, 1, '1.2', '（二）', '培育新兴产业'],
    ]);
    expect(resolvedUnits(rows[1]!).leadUnitId).toBe(unitId('industry'));
    expect(resolvedUnits(rows[1]!).supportUnitIds).toHaveLength(3);
    expect(rows[1]!.deadline).toMatchObject({ deadlineKind: 'date', deadline: '2026-06-30' });
    expect(rowIssues(rows[0]!).errors).toEqual([]);
  });
  it('takes a title merged across the columns for a title, though it names a task column', () => {
    const title = '双台子区2026年重点工作任务分解表';
    const rows = read([
      Array(5).fill(title),
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '推进产业升级', '区工信局', '', '2026年6月底前'],
    ]);
    expect(rows.map((r) => [r.sourceLine, r.title])).toEqual([[3, '推进产业升级']]);
  });
  it('reads a two-row header: 责任单位 over 牵头 | 配合', () => {
    const h = findHeader(grid([
      ['序号', '工作任务', '责任单位', '责任单位', '完成时限'],
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '建设产业园', '区发改局', '陆家镇', '2026年底'],
    ]))!;
    expect(h).toEqual({ columns: { seq: 0, title: 1, lead: 2, support: 3, deadline: 4 }, dataFrom: 2 });
  });
  it('makes a merged task the parent of its measures', () => {
    const rows = read([
      ['序号', '重点任务', '具体措施', '责任单位', '完成时限'],
      ['一', '推进产业升级', '1.实施技改', '牵头单位：区发改局；配合单位：各街镇', '2026年6月底前'],
      ['一', '推进产业升级', '2.培育企业', '区工信局、区财政局', '长期坚持'],
      ['二', '改善生态', '1.治理河道', '市生态环境局双台子分局', '2026年第三季度'],
    ]);
    expect(rows.map((r) => [r.level, r.code, r.title])).toEqual([
      [0, '1', '推进产业升级'],
      [1, '1.1', '实施技改'],
      [1, '1.2', '培育企业'],
      [0, '2', '改善生态'],
      [1, '2.1', '治理河道'],
    ]);
    expect(rows[2]!.leadUnit!.units[0]!.unitId).toBe(unitId('industry'));
    expect(rows[2]!.supportUnits.map((m) => m.text)).toEqual(['区财政局']);
    expect(rows.flatMap((r) => rowIssues(r).errors)).toEqual([]);
  });
  it('reads a dotted 序号 column', () => {
    const rows = read([
      ['序号', '任务名称', '责任单位', '时间节点'],
      ['1', '产业', '区发改局', '长期坚持'],
      ['1.1', '技改', '区工信局', '2026年6月底前'],
      ['1.3', '数字化', '区工信局', '2026年6月底前'],
    ]);
    expect(rows.map((r) => r.level)).toEqual([0, 1, 1]);
    expect(rowIssues(rows[2]!).errors).toEqual([{ field: 'code', code: 'gap', params: { expected: '1.2', actual: '1.3' } }]);
  });
  it('marks unknown units, impossible dates and unstorable text on their row', () => {
    const rows = read([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '甲', '区发展改革局', '2024年13月底前'],
      ['2', '乙\u0000', '区财政局', '2026年6月底前'],
    ]);
    expect(rowIssues(rows[0]!).errors.map((e) => e.code).sort()).toEqual(['deadline_impossible', 'unit_unknown']);
    expect(rows[0]!.leadUnit!.suggestions[0]!.name).toBe('区发展和改革局');
    expect(rowIssues(rows[1]!).errors).toEqual([{ field: 'title', code: 'unstorable' }]);
    expect(rows[1]!.title).not.toContain('\u0000');
  });
  it('finds no header in a sheet that has none', () => {
    expect(findHeader(grid([['a', 'b'], ['1', '2']]))).toBeUndefined();
  });
});
