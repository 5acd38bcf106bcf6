import { newWorkbook } from './excelJs.js';
import { figureTotals, type FigureColumn } from '../../domain/dispatch.js';
import type { DispatchDetail } from '../../domain/schemas/dispatch.js';
import { shanghaiDateTime } from '../../domain/calendar/days.js';

/** The tracked kinds' names as the sheets write them. */
export const KIND = { question: '问题答复', figures: '数据报送', action: '工作落实', instruction: '领导批示', decision: '议定事项', follow_up: '调研督办', directive: '上级指示' } as const;

/**
 * An order's results as a workbook: a header row, then one row per unit with its reply, the
 * figures in the order's columns (headers with their unit of measure), when it replied, whether
 * late, how often chased; the figures' exact totals last. Figures are written as text: a decimal
 * with four places must not become a float in the file either.
 */
export async function dispatchResultsXlsx(d: DispatchDetail): Promise<Buffer> {
  const columns = d.columns as FigureColumn[];
  const wb = await newWorkbook();
  // The header is the first row (people sort and filter on it); the order itself is the workbook's title.
  wb.title = `${d.kind === 'instruction' ? '领导批示' : d.kind === 'decision' ? '会议议定事项' : d.kind === 'follow_up' ? '调研督办事项' : d.kind === 'directive' ? '上级指示落实' : '调度令'}：${d.title}（${KIND[d.kind]}，答复期限 ${d.deadline}）`;
  const ws = wb.addWorksheet('答复情况');
  const header = ['单位', '答复状态', '答复内容', ...columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label)), '答复时间', '是否逾期', '催办次数'];
  ws.addRow(header).font = { bold: true };
  for (const r of d.recipients) {
    ws.addRow([
      r.unitName,
      r.status === 'replied' ? '已答复' : '未答复',
      r.answer ?? '',
      ...columns.map((c) => r.figures?.[c.key] ?? ''),
      r.repliedAt ? shanghaiDateTime(new Date(r.repliedAt)) : '',
      r.late ? (r.status === 'replied' ? '逾期答复' : `逾期${r.lateWorkdays}个工作日`) : '否',
      r.chasedCount,
    ]);
  }
  if (columns.length) {
    const totals = figureTotals(columns, d.recipients.map((r) => r.figures));
    ws.addRow(['合计', '', '', ...columns.map((c) => totals[c.key] ?? '0'), '', '', '']).font = { bold: true };
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : i === 2 ? 40 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
