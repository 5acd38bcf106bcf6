import type { Readable } from 'node:stream';
import type { ItemType } from '../../domain/work.js';
import type { ReportExportRow } from '../models/reporting.js';
import type { HqDeskLists } from '../queries/reporting/hqDeskExport.js';
import { KIND as DISPATCH_KIND } from './dispatchResults.js';
import { chineseDay, listWorkbookSheets, timeCell, type Cell, type SheetOf } from './listWorkbook.js';
import { ITEM_TYPE } from './reportsXlsx.js';

const REPORT_HEADER = ['序号', '事项类型', '事项编码', '事项名称', '报送单位', '报送期', '完成进度(%)', '进展情况', '提交时间'] as const;
const REPORT_WIDTHS = [8, 10, 12, 40, 20, 10, 12, 60, 18];

const once = (rows: Cell[][]): AsyncIterable<Cell[][]> => ({
  async *[Symbol.asyncIterator]() {
    yield rows;
  },
});

const reportRows = (rows: readonly ReportExportRow[]): Cell[][] =>
  rows.map((r, i) => [i + 1, ITEM_TYPE[r.itemType as ItemType] ?? r.itemType, r.itemCode ?? '', r.itemTitle ?? '', r.unitName ?? '', r.period, r.percent === null ? null : Number(r.percent), r.text, timeCell(r.submittedAt)]);

/**
 * 指挥部工作台: the desk's five lists in one workbook, a sheet each in the page's order, each framed
 * as the other exports are (title with the day, the list's own selection as its filter line, header).
 */
export function hqDeskXlsx(district: string | null, lists: HqDeskLists): Readable {
  const day = chineseDay(lists.today);
  const frame = (name: string, what: string, header: readonly string[], widths: readonly number[]) => ({ name, title: `${district ?? ''}${name}（${day}）`, filterLine: `筛选条件：${what}`, header, widths });
  const sheets: SheetOf[] = [
    { sheet: frame('待验收报送', '专项组已审核、待指挥部办公室验收的报送，等待最久的在前', REPORT_HEADER, REPORT_WIDTHS), rows: once(reportRows(lists.toAccept)) },
    {
      sheet: frame('逾期未认领', '认领期限已过仍未认领的任务', ['序号', '任务编码', '任务名称', '单位', '承担方式', '认领期限', '逾期（工作日）'], [8, 12, 40, 20, 10, 12, 14]),
      rows: once(lists.unclaimed.map((u, i) => [i + 1, u.task.code, u.task.title, u.unitName, u.u.role === 'lead' ? '牵头' : '配合', u.claimDue, u.overdueWorkdays])),
    },
    {
      sheet: frame('指挥部待协调卡点', '提交指挥部协调、尚未处理的堵点，等待最久的在前', ['序号', '堵点', '提出单位', '涉及事项', '情况说明', '需协调事项', '提出时间', '提交指挥部时间'], [8, 30, 20, 36, 50, 40, 18, 18]),
      rows: once(
        lists.hqBlockers.map((b, i) => [i + 1, b.blocker.title, b.unitName ?? '', b.items.map((it) => it.title ?? '').filter(Boolean).join('；'), b.blocker.detail, b.blocker.helpAsked, timeCell(b.blocker.raisedAt), timeCell(b.blocker.levelSince)]),
      ),
    },
    {
      sheet: frame('待催办', '已下发、答复已逾期（红）或临近期限（黄）的落实事项，红在前再按期限', ['序号', '类型', '事项', '答复期限', '状态', '已答复单位'], [8, 12, 50, 12, 8, 12]),
      rows: once(lists.toChase.map((d, i) => [i + 1, DISPATCH_KIND[d.dispatch.kind as keyof typeof DISPATCH_KIND] ?? d.dispatch.kind, d.dispatch.title, d.dispatch.deadline, d.light === 'red' ? '逾期' : '临期', `${d.repliedCount}/${d.unitCount}`])),
    },
    { sheet: frame('待复核', '无专项推进组的方案上、单位已审批待指挥部办公室复核的报送，等待最久的在前', REPORT_HEADER, REPORT_WIDTHS), rows: once(reportRows(lists.toReview)) },
  ];
  return listWorkbookSheets(sheets);
}
