import type { IsoDate } from '../calendar/days.js';
import type { Recurrence } from '../deadlines.js';
import type { DeadlineKind } from '../work.js';
import { groupBy } from '../groupBy.js';
import { deadlineText, type ReportPeriod } from './deadline.js';

/**
 * The 任务分解表 as Tuijin writes it: the columns the import reads (sheet.ts recognises each header
 * as the column named beside it), then what the list shows and the import leaves alone. Kept here,
 * beside the reader, so that an exported sheet always imports as the tree it came from.
 */
export const TASK_SHEET_COLUMNS = [
  { header: '序号', reads: 'seq', width: 10 },
  { header: '任务名称', reads: 'title', width: 48 },
  { header: '牵头单位', reads: 'lead', width: 20 },
  { header: '配合单位', reads: 'support', width: 28 },
  { header: '完成时限', reads: 'deadline', width: 22 },
  { header: '备注', reads: 'description', width: 36 },
  { header: '任务编码', width: 12 },
  { header: '所属方案', width: 24 },
  { header: '完成进度(%)', width: 10 },
  { header: '状态灯', width: 8 },
  { header: '亮灯原因', width: 40 },
  { header: '下次应报日', width: 12 },
] as const;

/** One task as the export reads it from the database. */
export interface TaskSheetSource {
  id: string;
  parentId: string | null;
  sort: number;
  code: string;
  title: string;
  description: string;
  leadUnitName: string | null;
  supportUnitNames: string[];
  deadlineKind: DeadlineKind;
  deadline: IsoDate | null;
  recurrence: Recurrence | null;
  reportPeriod: ReportPeriod;
}

/** Codes compared as offices read them: 1.2 before 1.10. */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const d = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The tasks in the order of the tree (each task followed by its children, siblings by their sort and
 * code), each with its dotted position as 序号. A task whose parent is not in the set (a filtered
 * export) starts a branch of its own, so every exported sheet imports without numbering errors.
 */
export function taskSheetOrder<T extends Pick<TaskSheetSource, 'id' | 'parentId' | 'sort' | 'code'>>(tasks: readonly T[]): { seq: string; task: T }[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = groupBy(tasks, (t) => (t.parentId && ids.has(t.parentId) ? t.parentId : null));
  const sorted = (parent: string | null) => (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || compareCodes(a.code, b.code));
  const out: { seq: string; task: T }[] = [];
  // Depth first without recursion (a deep tree must not reach the stack's limit); pushed in
  // reverse so that the first sibling comes out first.
  const stack: { seq: string; task: T }[] = [];
  const push = (parent: string | null, prefix: string) => {
    const kids = sorted(parent);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ seq: `${prefix}${i + 1}`, task: kids[i]! });
  };
  push(null, '');
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    push(next.task.id, `${next.seq}.`);
  }
  return out;
}

/** The import-read cells of one task, in TASK_SHEET_COLUMNS' order (the first six). */
export function taskSheetCells(seq: string, t: TaskSheetSource): string[] {
  return [seq, t.title, t.leadUnitName ?? '', t.supportUnitNames.join('、'), deadlineText(t), t.description];
}
