import type { Readable } from 'node:stream';
import { compareCodes } from '../../domain/imports/taskLayout.js';
import type { ClaimStatus, TaskUnitRole } from '../../domain/work.js';
import type { ClaimExportRow } from '../queries/planning/claimExport.js';
import { chineseDay, filterLineOf, listWorkbookStream, namedFilter, timeCell, type Cell, type RowsWritten } from './listWorkbook.js';

const STATUS: Record<ClaimStatus, string> = { unclaimed: '未认领', submitted: '待审批', approved: '已认领', returned: '认领被退回' };
const ROLE: Record<TaskUnitRole, string> = { lead: '牵头', support: '配合' };

export const CLAIM_SHEET_HEADER = ['序号', '所属方案', '任务编码', '任务名称', '责任单位', '角色', '认领状态', '落实举措', '退回原因', '交办时间', '认领时间', '审批时间'] as const;
const WIDTHS = [6, 24, 10, 40, 20, 6, 10, 48, 24, 18, 18, 18];

export interface ClaimExportMeta {
  district: string | null;
  today: string;
  filters: { plan?: string | null; unit?: string | null; status?: ClaimStatus | undefined; role?: TaskUnitRole | undefined };
}

/**
 * 认领情况表: each unit's share of each task, by plan, task code (1.2 before 1.10) and lead first,
 * with what the unit committed to (落实举措) and where its claim stands.
 */
export function claimsXlsx(meta: ClaimExportMeta, rows: readonly ClaimExportRow[], onRows?: RowsWritten): Readable {
  const sorted = [...rows].sort(
    (a, b) => (a.planTitle ?? '').localeCompare(b.planTitle ?? '', 'zh-CN') || compareCodes(a.taskCode, b.taskCode) || (a.role === b.role ? (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh-CN') : a.role === 'lead' ? -1 : 1),
  );
  async function* cells(): AsyncGenerator<Cell[][]> {
    yield sorted.map((r, i) => [
      i + 1,
      r.planTitle ?? '',
      r.taskCode,
      r.taskTitle,
      r.unitName ?? '',
      ROLE[r.role as TaskUnitRole] ?? r.role,
      STATUS[r.claimStatus as ClaimStatus] ?? r.claimStatus,
      r.measures,
      r.returnReason ?? '',
      timeCell(r.assignedAt),
      timeCell(r.claimedAt),
      timeCell(r.approvedAt),
    ]);
  }
  const f = meta.filters;
  const filterLine = filterLineOf([
    namedFilter('方案', f.plan),
    namedFilter('责任单位', f.unit),
    f.status && `认领状态：${STATUS[f.status]}`,
    f.role && `角色：${ROLE[f.role]}`,
  ]);
  return listWorkbookStream({ name: '认领情况表', title: `${meta.district ?? ''}任务认领情况表（${chineseDay(meta.today)}）`, filterLine, header: CLAIM_SHEET_HEADER, widths: WIDTHS }, cells(), onRows);
}
