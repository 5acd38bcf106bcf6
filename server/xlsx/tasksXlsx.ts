import type { Readable } from 'node:stream';
import { TASK_SHEET_COLUMNS, taskSheetCells, taskSheetOrder } from '../../domain/imports/taskLayout.js';
import { LIGHT_LABELS, lightReasonText } from '../../domain/lightText.js';
import type { Light } from '../../domain/lights.js';
import type { TaskExportRow } from '../queries/planning/taskExport.js';
import { chineseDay, filterLineOf, listWorkbookStream, namedFilter, type Cell, type RowsWritten } from './listWorkbook.js';

export interface TaskExportMeta {
  district: string | null;
  today: string;
  /** The list's filters by name, as its tabs and pickers show them. */
  filters: {
    plan?: string | null;
    taskForce?: string | null;
    area?: string | null;
    unit?: string | null;
    parent?: string | null;
    light?: Light | undefined;
    dueBefore?: string | undefined;
    status?: 'open' | 'done' | undefined;
    q?: string | undefined;
  };
}

export function taskFilterLine(f: TaskExportMeta['filters']): string {
  return filterLineOf([
    namedFilter('方案', f.plan),
    namedFilter('专班', f.taskForce),
    namedFilter('领域', f.area),
    namedFilter('责任单位', f.unit),
    namedFilter('上级任务', f.parent),
    f.light && `状态灯：${LIGHT_LABELS[f.light]}`,
    f.dueBefore && `应报日不晚于：${f.dueBefore}`,
    f.status && `状态：${f.status === 'done' ? '已完成' : '未完成'}`,
    f.q && `关键词：${f.q}`,
  ]);
}

/**
 * The tasks as a 任务分解表 the import reads back (domain/imports/taskLayout.ts): the tree in order
 * with its dotted 序号, units and deadlines worded as offices write them, then the list's code,
 * plan, progress, light and reasons. Streamed.
 */
export function tasksXlsx(meta: TaskExportMeta, rows: readonly TaskExportRow[], onRows?: RowsWritten): Readable {
  async function* cells(): AsyncGenerator<Cell[][]> {
    const ordered = taskSheetOrder(rows);
    // Pages of 1,000: the writer gets rows while the rest are still being worded.
    for (let i = 0; i < ordered.length; i += 1000) {
      yield ordered.slice(i, i + 1000).map(({ seq, task: t }) => [
        ...taskSheetCells(seq, t),
        t.code,
        t.planName ?? '',
        Number(t.progress),
        LIGHT_LABELS[t.light] ?? t.light,
        t.lightReasons.map((r) => lightReasonText({ ...r, params: r.params ?? {} }, 'zh-CN')).join('；'),
        t.nextDue ?? '',
      ]);
    }
  }
  const sheet = {
    name: '任务分解表',
    title: `${meta.district ?? ''}任务分解表（${chineseDay(meta.today)}）`,
    filterLine: taskFilterLine(meta.filters),
    header: TASK_SHEET_COLUMNS.map((c) => c.header),
    widths: TASK_SHEET_COLUMNS.map((c) => c.width),
  };
  return listWorkbookStream(sheet, cells(), onRows);
}
