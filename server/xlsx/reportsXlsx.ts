import type { Readable } from 'node:stream';
import type { ItemType, ReportStatus } from '../../domain/work.js';
import type { ReportExportRow } from '../models/reporting.js';
import { chineseDay, filterLineOf, listWorkbookStream, namedFilter, timeCell, type Cell, type RowsWritten } from './listWorkbook.js';

export const ITEM_TYPE: Record<ItemType, string> = { task: '任务', target: '目标指标', project: '重点项目' };
const STATUS: Record<ReportStatus, string> = { draft: '草稿', submitted: '已提交', approved: '单位已审批', reviewed: '专项组已审核', accepted: '已验收', returned: '被退回' };
const STAGE: Record<string, string> = { planning: '谋划', signed: '签约', started: '开工', building: '在建', operating: '投产' };

export const REPORT_SHEET_HEADER = ['序号', '事项类型', '事项编码', '事项名称', '报送单位', '报送期', '应报日期', '状态', '进展情况', '完成进度(%)', '实际值', '完成投资(万元)', '建设阶段', '是否逾期报送', '退回原因', '提交时间', '验收时间'] as const;
const WIDTHS = [8, 10, 12, 40, 20, 10, 12, 12, 60, 10, 12, 14, 10, 10, 24, 18, 18];

export interface ReportExportMeta {
  district: string | null;
  today: string;
  filters: { itemType?: ItemType | undefined; item?: string | null; unit?: string | null; status?: ReportStatus | undefined; period?: string | undefined };
}

export function reportFilterLine(f: ReportExportMeta['filters']): string {
  return filterLineOf([
    f.itemType && `事项类型：${ITEM_TYPE[f.itemType]}`,
    namedFilter('事项', f.item),
    namedFilter('报送单位', f.unit),
    f.status && `状态：${STATUS[f.status]}`,
    f.period && `报送期：${f.period}`,
  ]);
}

// Decimals as Excel numbers (what offices sum and chart) while a double holds them exactly (15
// significant digits); a longer one stays text rather than be rounded.
const num = (v: string | null): Cell => (v === null ? null : v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? Number(v) : v);

/**
 * Every report the list shows, numbered, streamed page by page: 250,000 rows in flat memory. A
 * row's cells are made only when the writer reaches it, not a page of them at once: V8 moves an
 * allocation site whose objects are mostly alive at a minor collection to the old generation for
 * good, and a page of cell arrays alive together got it to do that, growing the heap by the
 * export's size until a full collection.
 */
export function reportsXlsx(meta: ReportExportMeta, pages: AsyncIterable<ReportExportRow[]>, onRows?: RowsWritten): Readable {
  let n = 0;
  function* cells(page: ReportExportRow[]): Generator<Cell[]> {
    for (const r of page)
      yield [
        ++n,
        ITEM_TYPE[r.itemType as ItemType] ?? r.itemType,
        r.itemCode ?? '',
        r.itemTitle ?? '',
        r.unitName ?? '',
        r.period,
        r.dueDate ?? '',
        STATUS[r.status as ReportStatus] ?? r.status,
        r.text,
        num(r.percent),
        num(r.actual),
        num(r.investment),
        r.stage ? (STAGE[r.stage] ?? r.stage) : '',
        r.late ? '是' : '否',
        r.returnReason ?? '',
        timeCell(r.submittedAt),
        timeCell(r.acceptedAt),
      ];
  }
  async function* rows(): AsyncGenerator<Iterable<Cell[]>> {
    for await (const page of pages) yield cells(page);
  }
  const sheet = { name: '进展报送', title: `${meta.district ?? ''}进展报送汇总表（${chineseDay(meta.today)}）`, filterLine: reportFilterLine(meta.filters), header: REPORT_SHEET_HEADER, widths: WIDTHS };
  return listWorkbookStream(sheet, rows(), onRows);
}
