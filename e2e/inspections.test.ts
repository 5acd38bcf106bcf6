// 督查活动 and an entered finding in a browser (issue 22): the inspector plans a campaign over
// 建设街道 from the menu and corrects its title; from the campaign's ledger records a finding
// typed in on the ledger page (unit, campaign and a task picked there, no light as its source);
// the campaign's ledger and the key-link filter list it as they should. The task is made through
// the API first (as the HQ office), so the test does not depend on the demo's work data.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atPath, launch, pickOption, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { e2eDay } from './clock.js';
import { pickDay, shootDialog } from './pageHelpers.js';
import { makeJiansheTask } from './workSetup.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const CODE = `E2E-I-${stamp}`;
const TASK_TITLE = `社区养老服务站建设（督查活动测试${stamp}）`;
const CAMPAIGN = `街道民生实事专项督查（测试${stamp}）`;
const FINDING = `养老服务站选址方案尚未报批（测试${stamp}）`;
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  await makeJiansheTask(base, CODE, '民生保障专项行动方案（督查活动测试）', TASK_TITLE);
});
afterAll(async () => {
  await browser?.close();
});

describe('a campaign, and a finding entered on its ledger', () => {
  it('plans and edits the campaign, records a finding in it with a picked task, and filters the ledger by campaign and key link', async () => {
    const page = await as('inspector');
    await page.getByTestId('menu-inspections').click();
    await atPath(page, '/inspections');
    await page.getByTestId('inspection-new').click();
    await page.getByTestId('inspection-form-title').fill(`${CAMPAIGN}草稿`);
    await pickDay(page, 'inspection-form-from', e2eDay(-1));
    await pickDay(page, 'inspection-form-to', e2eDay(30));
    await pickOption(page, 'inspection-form-units', '建设街道');
    await page.keyboard.press('Escape');
    // Its scope names an area and the task, and its inspector is picked from those holding the role.
    await pickOption(page, 'inspection-form-areas', '康养医养与民生保障');
    await page.keyboard.press('Escape');
    await pickOption(page, 'inspection-form-inspectors', '区委督查室主任');
    await page.keyboard.press('Escape');
    await pickOption(page, 'item-picker', CODE);
    await page.getByTestId('items-picker-add').click();
    expect(await page.getByTestId('items-picker-item').textContent()).toContain(TASK_TITLE);
    await shootDialog(page, '/tmp/e2e-inspection-form.png');
    await page.getByTestId('modal-ok').click();
    const row = page.locator('tr', { hasText: `${CAMPAIGN}草稿` });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${e2eDay(-1)} ~ ${e2eDay(30)}`);
    expect(await row.getByTestId('inspection-scope').textContent()).toBe(`涉及片区：康养医养与民生保障；督查事项：${TASK_TITLE}`);
    expect(await row.textContent()).toContain('区委督查室主任');

    // The title is corrected: the same row, edited with the version read.
    await row.getByTestId('inspection-edit').click();
    await page.getByTestId('inspection-form-title').fill(CAMPAIGN);
    await page.getByTestId('modal-ok').click();
    const edited = page.locator('tr', { has: page.getByTestId('inspection-title').filter({ hasText: new RegExp(`^${CAMPAIGN}$`) }) });
    await edited.waitFor();
    expect(await edited.textContent()).toContain('建设街道');

    // Its ledger is empty; a finding is recorded there with the unit, the campaign and a task picked.
    await edited.getByTestId('inspection-ledger').click();
    await page.getByTestId('ledger-page').waitFor();
    expect(new URL(page.url()).searchParams.get('campaign')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('暂无督查台账事项').waitFor();
    await page.getByTestId('ledger-new').click();
    await pickOption(page, 'ledger-form-unit', '建设街道');
    // Opened from the campaign's ledger, the form names the campaign already.
    expect(await page.getByTestId('ledger-form-campaign').textContent()).toContain(CAMPAIGN);
    await pickOption(page, 'item-picker', CODE);
    await pickOption(page, 'ledger-form-link', '谋划部署');
    await page.getByTestId('ledger-form-finding').fill(FINDING);
    await page.getByTestId('ledger-form-requirement').fill('十个工作日内完成选址报批');
    await shootDialog(page, '/tmp/e2e-ledger-entered.png');
    await page.getByTestId('modal-ok').click();
    await page.locator('[data-testid=ledger-entry-page][data-status=open]').waitFor();
    expect(await page.getByTestId('ledger-source').textContent()).toBe('直接录入');
    expect(await page.getByTestId('ledger-item-link').textContent()).toBe(TASK_TITLE);
    expect(await page.getByTestId('ledger-entry-page').textContent()).toContain(CAMPAIGN);

    // The campaign's ledger lists it; the other key links do not.
    await page.goBack();
    const entry = page.getByTestId('ledger-row').filter({ hasText: FINDING });
    await entry.waitFor();
    expect(await page.getByTestId('ledger-row').count()).toBe(1);
    // The export takes the same filters: the campaign's workbook holds this finding.
    const href = (await page.getByTestId('ledger-export').getAttribute('href')) ?? '';
    expect(href).toContain('campaign=');
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain(FINDING);
    await pickOption(page, 'ledger-filter-link', '组织实施');
    await entry.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('link')).toBe('implementation');

    // The demo's issued 督查通报 is a menu click away (the bulletins themselves are tested through the API).
    await page.getByTestId('menu-bulletins').click();
    await page.getByTestId('bulletin-status').filter({ hasText: '已签发' }).first().waitFor();
  });

  it('records a finding from a blocker in one step: its unit and items come with it', async () => {
    const page = await as('inspector');
    await page.goto('/blockers?status=unresolved');
    const row = page.getByTestId('blocker').filter({ has: page.getByTestId('ledger-record') }).first();
    const title = (await row.locator('strong').first().textContent())?.trim() ?? '';
    await row.getByTestId('ledger-record').click();
    expect(await page.getByTestId('ledger-form-origin').textContent()).toContain(`堵点 · ${title}`);
    // The blocker names the unit: the form asks for none.
    expect(await page.getByTestId('ledger-form-unit').count()).toBe(0);
    await page.getByTestId('ledger-form-finding').fill(`堵点久拖未决（测试${stamp}）`);
    await page.getByTestId('ledger-form-requirement').fill('五个工作日内提出解决方案');
    await page.getByTestId('modal-ok').click();
    await page.locator('[data-testid=ledger-entry-page][data-status=open]').waitFor();
    expect(await page.getByTestId('ledger-source').textContent()).toBe('堵点');
  });
});
