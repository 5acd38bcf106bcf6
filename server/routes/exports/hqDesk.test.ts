import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../../demo/index.js';
import { expectError, send } from '../../testing/api.js';
import { loginAs, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { XLSX_TYPE } from '../../testing/xlsx.js';

const PASSWORD = 'Demo-Password-2026';
const SHEETS = ['待验收报送', '逾期未认领', '指挥部待协调卡点', '待催办', '待复核'];

/** Every sheet's rows as cell texts. */
async function sheetsOf(buf: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return new Map(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().slice(1).map((r) => ((r as unknown[] | undefined) ?? []).slice(1).map((v) => String(v ?? '')))]));
}

/** 指挥部工作台 as a workbook: the desk's five lists whole, on the demo district where each has lines. */
describe('the HQ desk’s workbook', () => {
  let h: Harness;
  let hq: Session;
  const as = (account: string) => loginAs(h.app, { account, password: PASSWORD, totpSecret: null });
  beforeAll(async () => {
    h = await startHarness('embedded');
    expect(await loadDemoIfEmpty(h.db.database, PASSWORD)).not.toBeNull();
    hq = await as('hq_office');
  }, 120_000);
  afterAll(async () => h?.close());

  it('holds a sheet per list of the desk, each with every line the desk counts, in the desk’s order', async () => {
    const res = await send(h.app, { method: 'GET', url: '/api/exports/hq-desk.xlsx' }, hq);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/指挥部工作台-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheets = await sheetsOf(res.rawPayload);
    expect([...sheets.keys()]).toEqual(SHEETS);
    const rows = (name: string) => sheets.get(name)!.slice(3);

    const desk = (await send(h.app, { method: 'GET', url: '/api/workbench/hq' }, hq)).json().data;
    const blockers = (await send(h.app, { method: 'GET', url: '/api/blockers?status=open&level=hq&perPage=200' }, hq)).json();
    const sent = (await send(h.app, { method: 'GET', url: '/api/dispatches?status=sent&perPage=200' }, hq)).json().data as { title: string; light: string; deadline: string }[];
    const toChase = sent.filter((d) => d.light === 'red' || d.light === 'yellow');
    // The demo fills every list the desk shows (a list left empty here would test nothing).
    for (const n of [desk.counts.toAccept, desk.counts.unclaimedTasks, blockers.page.total, toChase.length]) expect(n).toBeGreaterThan(0);

    const [title, filter, header] = sheets.get('待验收报送')!;
    expect(title![0]).toMatch(/^双台子区待验收报送（\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(filter![0]).toMatch(/^筛选条件：专项组已审核/);
    expect(header).toEqual(['序号', '事项类型', '事项编码', '事项名称', '报送单位', '报送期', '完成进度(%)', '进展情况', '提交时间']);
    expect(rows('待验收报送')).toHaveLength(desk.counts.toAccept);
    expect(rows('待验收报送').slice(0, desk.toAccept.length).map((r) => [r[0], r[2], r[4], r[5]])).toEqual(desk.toAccept.map((l: { code: string; unitName: string; period: string }, i: number) => [String(i + 1), l.code, l.unitName, l.period]));
    expect(rows('待复核')).toHaveLength(desk.counts.toReview);

    expect(rows('逾期未认领')).toHaveLength(desk.counts.unclaimedTasks);
    expect(rows('逾期未认领').slice(0, desk.unclaimed.length).map((r) => [r[1], r[3], r[5], r[6]])).toEqual(
      desk.unclaimed.map((u: { taskCode: string; unitName: string; claimDue: string; overdueWorkdays: number }) => [u.taskCode, u.unitName, u.claimDue, String(u.overdueWorkdays)]),
    );
    expect(rows('指挥部待协调卡点').map((r) => r[1]).sort()).toEqual(blockers.data.map((b: { title: string }) => b.title).sort());
    // Red before yellow, then by deadline, as the desk's card orders them.
    expect(rows('待催办').map((r) => [r[2], r[3], r[4]])).toEqual(
      toChase
        .sort((a, b) => (a.light === b.light ? a.deadline.localeCompare(b.deadline) : a.light === 'red' ? -1 : 1))
        .map((d) => [d.title, d.deadline, d.light === 'red' ? '逾期' : '临期']),
    );
  });

  it('is the HQ office’s alone', async () => {
    for (const account of ['leader', 'liaison', 'unit_head', 'inspector', 'task_force']) {
      expectError(await send(h.app, { method: 'GET', url: '/api/exports/hq-desk.xlsx' }, await as(account)), 403, 'forbidden');
    }
    expectError(await send(h.app, { method: 'GET', url: '/api/exports/hq-desk.xlsx' }), 401);
  });
});
