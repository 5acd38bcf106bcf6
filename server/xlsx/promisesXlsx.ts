import { newWorkbook } from './excelJs.js';
import { promiseState, type PromiseState, type PromiseStatus } from '../../domain/promises.js';
import type { PromiseRow } from '../models/promises.js';

const STATE: Record<PromiseState, string> = { pending: '履约中', overdue: '逾期未兑现', kept: '已兑现', broken: '未兑现' };
/** The columns of the 履约践诺台账, in order, with their widths in characters. */
export const PROMISE_HEADER = ['序号', '企业', '承诺事项', '承诺单位', '承诺期限', '状态', '兑现情况', '是否逾期'] as const;
const WIDTHS = [6, 26, 44, 20, 12, 12, 40, 8];
/** Overdue and broken promises are red on the sheet, as on the page. */
const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCCCC' } } as const;

const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The ledger as a workbook: a title with the export day, the header, one numbered row per promise; text cells only. */
export async function promisesXlsx(meta: { district: string | null; today: string; filter: string }, rows: readonly { row: PromiseRow; unitName: string | null }[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.title = '履约践诺台账';
  const ws = wb.addWorksheet('履约践诺台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const title = ws.addRow([`${meta.district ?? ''}履约践诺台账（${chineseDay(meta.today)}）`]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.addRow([`筛选条件：${meta.filter}`]);
  ws.mergeCells(1, 1, 1, PROMISE_HEADER.length);
  ws.mergeCells(2, 1, 2, PROMISE_HEADER.length);
  ws.addRow([...PROMISE_HEADER]).font = { bold: true };
  rows.forEach(({ row: p, unitName }, i) => {
    const state = promiseState(p.status as PromiseStatus, p.deadline, meta.today);
    const outcome = p.status === 'kept' ? (p.keptNote ?? '') : p.status === 'broken' ? (p.brokenReason ?? '') : '';
    const line = ws.addRow([i + 1, p.enterprise, p.content, unitName ?? '', p.deadline, STATE[state], outcome, state === 'overdue' ? '是' : '否']);
    if (state === 'overdue' || state === 'broken') line.eachCell((c) => (c.fill = RED));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const PROMISE_STATE_WORDS = STATE;
