// A dispatch order (调度令) in a browser: the HQ office drafts a figures order to two units
// (建设街道 and 区政府办公室) with a small table, sends it; each unit's liaison finds it on the
// workbench and replies through the form; the office's reply table shows both replies (it refreshes
// by itself) and the exported .xlsx holds both units' figures.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pickOption, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const TITLE = `报送本周新增就业和完成投资（测试${stamp}）`;
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A liaison finds the order on the workbench, replies there with these figures, then reads the order's page. */
async function replyAs(account: string, orderPath: string, jobs: string, invest: string) {
  const page = await as(account);
  await page.goto('/work/unit');
  const line = page.getByTestId('wb-dispatch-line').filter({ hasText: TITLE });
  // The reply form opens on the workbench itself; once sent, the order leaves the list.
  await line.getByTestId('wb-dispatch-reply').click();
  await page.getByTestId('dispatch-reply-form').waitFor();
  await page.getByTestId('dispatch-figure-jobs').fill(jobs);
  await page.getByTestId('dispatch-figure-invest').fill(invest);
  await page.getByTestId('dispatch-answer').fill('已核实');
  await shot(page, `/tmp/e2e-dispatch-reply-${account}.png`);
  await page.getByTestId('dispatch-reply-submit').click();
  await line.waitFor({ state: 'detached' });
  // The order's page: its own row shows the reply, and only its own row.
  await page.goto(orderPath);
  await page.locator('[data-testid=dispatch-replies] [data-testid=dispatch-row-status]', { hasText: '已答复' }).waitFor();
  expect(await page.locator('[data-testid=dispatch-replies] tbody tr.ant-table-row').count()).toBe(1);
}

describe('a dispatch order', () => {
  it('is answered by two units and exported', async () => {
    const hq = await as('hq_office');
    await hq.goto('/dispatches');
    await hq.getByTestId('dispatch-new').click();
    await hq.getByTestId('dispatch-form-title').waitFor();
    await pickOption(hq, 'dispatch-form-kind', '数据报送');
    await hq.getByTestId('dispatch-form-title').fill(TITLE);
    await hq.getByTestId('dispatch-form-content').fill('请于期限前如实填报。');
    await pickOption(hq, 'dispatch-form-units', '建设街道');
    await pickOption(hq, 'dispatch-form-units', '区政府办公室');
    // A multiple select stays open after a pick: close it before going on.
    await hq.keyboard.press('Escape');
    await hq.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await hq.getByTestId('dispatch-add-column').click();
    await hq.getByTestId('dispatch-column-key').nth(0).fill('jobs');
    await hq.getByTestId('dispatch-column-label').nth(0).fill('新增就业');
    await hq.getByTestId('dispatch-column-unit').nth(0).fill('人');
    await hq.getByTestId('dispatch-add-column').click();
    await hq.getByTestId('dispatch-column-key').nth(1).fill('invest');
    await hq.getByTestId('dispatch-column-label').nth(1).fill('完成投资');
    await hq.getByTestId('dispatch-column-unit').nth(1).fill('万元');
    await hq.getByTestId('modal-ok').click();
    await hq.getByTestId('dispatch-page').waitFor();
    expect(await hq.getByTestId('dispatch-status').first().textContent()).toBe('草稿');
    await hq.getByTestId('dispatch-send').click();
    await hq.getByTestId('dispatch-send-ok').click();
    await hq.locator('[data-testid=dispatch-status]', { hasText: '已下发' }).waitFor();
    const orderPath = new URL(hq.url()).pathname;

    await replyAs('liaison', orderPath, '12', '350.5');
    await replyAs('liaison_gov_office', orderPath, '3', '0.25');

    // The office's table fills in by itself (it refreshes while the order is out).
    await hq.goto(orderPath);
    await hq.getByTestId('dispatch-replied-count').filter({ hasText: '已答复 2/2' }).waitFor({ timeout: 15_000 });
    await shot(hq, '/tmp/e2e-dispatch-replies.png', { fullPage: true });
    const download = hq.waitForEvent('download');
    await hq.getByTestId('dispatch-export').click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['单位', '答复状态', '答复内容', '新增就业（人）', '完成投资（万元）', '答复时间', '是否逾期', '催办次数']);
    const byUnit = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(1, 5)]));
    expect(byUnit['建设街道']).toEqual(['已答复', '已核实', '12', '350.5']);
    expect(byUnit['区政府办公室']).toEqual(['已答复', '已核实', '3', '0.25']);
    expect(byUnit['合计']).toEqual(['', '', '15', '350.75']);
  });
});
