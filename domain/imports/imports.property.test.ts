import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { isStorableText } from '../storableText.js';
import { TEST_UNITS } from './fixtures.js';
import { issueText } from './issues.js';
import { planTextRows } from './planText.js';
import { applyFix, buildRows, rowIssues } from './rows.js';
import { findHeader, sheetRows } from './sheet.js';
import { unitMatcher } from './units.js';
import { findItemHeader } from './itemColumns.js';
import { applyItemFix, buildItemRows, itemRowIssues, itemSourceRows } from './itemRows.js';

const ctx = { match: unitMatcher(TEST_UNITS), env: { today: '2026-06-10', calendar: new WorkdayCalendar() } };

// Pieces of what offices write, mixed with anything at all, so the parsers meet both.
const PIECES = ['一、', '（一）', '(2)', '3.', '1.1', '①', '十', '序号', '重点任务', '具体措施', '牵头单位', '配合单位：', '完成时限', '区发改局', '各街镇', '、', '；', '\n',
  '指标名称', '项目名称', '计量单位', '基期值', '2026年目标值', '总投资', '1,200.5', '1.2亿', '正向', '在建', '起止年限', '2026-2027', '责任单位',
  '由', '牵头', '配合', '2026年', '13月', '6月底前', '第三季度', '每月', '10日前', '每季度末', '长期坚持', '年底前', '2月30日', '。', '，', '\u0000', '\ud800', '\u202e'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));

/** Every row's problems read as sentences and every stored text storable: what the API will send and keep. */
function wellFormed(rows: ReturnType<typeof buildRows>) {
  for (const r of rows) {
    const { errors, warnings } = rowIssues(r);
    for (const i of [...errors, ...warnings]) expect(issueText(i, 'zh-CN').length).toBeGreaterThan(0);
    expect([r.title, r.description, r.label, r.deadlineText, ...r.unplaced].every(isStorableText)).toBe(true);
    expect(r.code).toMatch(/^[0-9.]+$/);
    expect(r.level).toBeGreaterThanOrEqual(0);
  }
}

describe('the import parsers never throw', () => {
  it('on random sheets', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 7 }), { maxLength: 25 }), (cells) => {
        const grid = cells.map((c, i) => ({ line: i + 1, cells: c }));
        const h = findHeader(grid) ?? { columns: { seq: 0, title: 1, lead: 2, units: 3, deadline: 4 }, dataFrom: 0 };
        const rows = buildRows(sheetRows(grid, h.columns, h.dataFrom), ctx);
        wellFormed(rows);
        for (const r of rows) wellFormed([applyFix(r, { deadlineText: r.title }, ctx.env)]);
      }),
      { numRuns: 300 },
    );
  });
  it('on random text', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }).map((l) => l.join('\n')), (t) => {
        const { preamble, rows } = planTextRows(t);
        expect(Array.isArray(preamble)).toBe(true);
        wellFormed(buildRows(rows, ctx));
      }),
      { numRuns: 300 },
    );
  });
  it('on random target and project tables', () => {
    const itemCtx = { ...ctx, years: { from: 2026, to: 2028 }, areas: [], takenCodes: new Set<string>(), firstCode: 1 };
    fc.assert(
      fc.property(fc.constantFrom('target' as const, 'project' as const), fc.array(fc.array(text, { maxLength: 8 }), { maxLength: 15 }), (kind, cells) => {
        const grid = cells.map((c, i) => ({ line: i + 1, cells: c }));
        const h = findItemHeader(kind, grid) ?? { columns: { code: 0, name: 1, unit: 2, baseline: 3, totalInvestment: 4, 'goal:2026': 5, span: 6 }, dataFrom: 0 };
        for (const r of buildItemRows(kind, itemSourceRows(grid, h.columns, h.dataFrom), itemCtx)) {
          const fixed = applyItemFix(r, { cell: 'baseline', text: r.name }, itemCtx);
          for (const row of [r, fixed]) {
            const { errors, warnings } = itemRowIssues(row);
            for (const i of [...errors, ...warnings]) expect(issueText(i, 'zh-CN').length).toBeGreaterThan(0);
            expect([row.name, row.code, ...Object.values(row.cells).map((c) => c.text)].every(isStorableText)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
