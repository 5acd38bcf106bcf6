import { ledgerOverdue, type KeyLink, type LedgerStatus } from '../../domain/ledger.js';
import type { LedgerExportRow } from '../models/inspections.js';
import { chineseDay, filterLineOf, listWorkbook, type RowsWritten } from './listWorkbook.js';

const LINK: Record<KeyLink, string> = { planning: '谋划部署', implementation: '组织实施', delivery: '推进落实' };
const STATUS: Record<LedgerStatus, string> = { open: '待整改', rectifying: '整改中', submitted: '已提交整改', verified: '已验证', closed: '已销号' };
const VERDICT: Record<string, string> = { effective: '整改有效', not_effective: '整改无效' };

/** The columns of an office's 督查工作台账, in its order, with their widths in characters. */
export const LEDGER_HEADER = ['序号', '督查活动', '被督查单位', '涉及事项', '关键环节', '发现问题', '整改要求', '整改时限', '整改措施', '状态', '验证结论', '是否逾期'] as const;
const WIDTHS = [6, 24, 20, 30, 10, 40, 36, 12, 36, 14, 30, 8];

/** The filters of an export, by name, as the title block writes them. */
export interface LedgerExportMeta {
  district: string | null;
  /** The export day, Asia/Shanghai. */
  today: string;
  filters: { campaign?: string | null | undefined; unit?: string | null | undefined; link?: KeyLink | undefined; status?: LedgerStatus | undefined; overdue?: boolean | undefined };
}

/** "筛选条件：…" naming each filter given, or saying the whole ledger (as the reader sees it) is exported. */
export function filterLine(f: LedgerExportMeta['filters']): string {
  return filterLineOf([
    f.campaign !== undefined && `督查活动：${f.campaign ?? '（无权查看的督查活动）'}`,
    f.unit !== undefined && `被督查单位：${f.unit ?? '（未知单位）'}`,
    f.link && `关键环节：${LINK[f.link]}`,
    f.status && `状态：${STATUS[f.status]}`,
    f.overdue !== undefined && `是否逾期：${f.overdue ? '是' : '否'}`,
  ]);
}

/** One entry's cells, in LEDGER_HEADER's order; overdue as of the export day, as the list says it. */
function cells(r: LedgerExportRow, n: number, today: string): (string | number)[] {
  const status = r.status as LedgerStatus;
  const verdict = r.verdict ? `${VERDICT[r.verdict] ?? r.verdict}${r.verifyComment ? `：${r.verifyComment}` : ''}` : '';
  return [
    n,
    r.inspectionTitle ?? '',
    r.unitName ?? '',
    r.itemTitles.join('；'),
    LINK[r.keyLink as KeyLink] ?? r.keyLink,
    r.finding,
    r.requirement,
    r.deadline,
    r.measures ?? '',
    // A reopened entry says so: the office follows those more closely.
    `${STATUS[status] ?? status}${r.reopenCount ? `（重新整改${r.reopenCount}次）` : ''}`,
    verdict,
    ledgerOverdue(status, r.deadline, today) ? '是' : '否',
  ];
}

/**
 * The ledger as an office keeps it: the title (district, 督查工作台账, export day) across the
 * columns, the filters under it, the header, then one numbered row per entry as the pages arrive.
 */
export async function ledgerXlsx(meta: LedgerExportMeta, pages: AsyncIterable<LedgerExportRow[]>, onRows?: RowsWritten): Promise<Buffer> {
  async function* rows() {
    let n = 0;
    for await (const page of pages) yield page.map((r) => cells(r, ++n, meta.today));
  }
  const sheet = { name: '督查工作台账', title: `${meta.district ?? ''}督查工作台账（${chineseDay(meta.today)}）`, filterLine: filterLine(meta.filters), header: LEDGER_HEADER, widths: WIDTHS };
  return listWorkbook(sheet, rows(), onRows);
}
