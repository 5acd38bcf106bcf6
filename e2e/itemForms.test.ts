// The HQ office keeps key projects and targets in Chromium: a new project, its stage moved on and
// its yearly investment planned in exact 万元; a new target with its goal, and an actual recorded.
// Each change lands on the item's page and in its history; a malformed amount never leaves the form.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyLines, launch, pickOption, signedInPages, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { serverBase } from './base.js';

const base = serverBase();
const stamp = Date.now().toString(36);
const year = Number(e2eDay().slice(0, 4));
let browser: Browser;
let page: Page;

const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  page = await as('hq_office');
});
afterAll(async () => {
  await browser?.close();
});

const history = () => historyLines(page);

describe('the HQ office keeps key projects and targets', () => {
  it('creates a project, moves its stage on and plans its yearly investment, exactly', async () => {
    await page.goto('/projects');
    await page.getByTestId('project-new').click();
    await page.getByTestId('project-form-code').fill(`E2E-XM-${stamp}`);
    await page.getByTestId('project-form-name').fill('精细化工园区污水管网工程');
    await pickOption(page, 'project-form-unit', '建设街道');
    // Three decimals are refused in the form, before anything is sent.
    await page.getByTestId('project-form-total').fill('1200.505');
    await page.getByTestId('modal-ok').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '最多两位小数' }).waitFor();
    await page.getByTestId('project-form-total').fill('1200.50');
    await page.getByTestId('modal-ok').click();

    await page.getByTestId('project-page').waitFor();
    expect(await page.getByTestId('project-page').textContent()).toContain('1200.50');
    // Signed now, and due to start ten days ago: the light turns red, naming the stage.
    await page.getByTestId('project-edit').click();
    await pickOption(page, 'project-form-stage', '签约');
    await page.getByTestId('project-form-planned-started').click();
    await page.getByTestId('project-form-planned-started').fill(e2eDay(-10));
    await page.keyboard.press('Enter');
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await history())[0]).toMatch(/^修改了建设阶段、阶段日期 指挥部办公室主任 · /);
    await page.locator('[data-testid=item-light][data-light=red]').waitFor();
    expect(await textOf(page, 'item-light-reasons')).toMatch(/节点“开工”逾期\d+个工作日/);

    await page.getByTestId('project-set-plan').click();
    await page.getByTestId('project-plan-add').click();
    await page.getByTestId('project-plan-amount').fill('600.25');
    await page.getByTestId('modal-ok').click();
    await expect.poll(() => textOf(page, 'project-totals')).toBe('累计计划 600.25 万元，累计完成 0.00 万元');
    await expect.poll(async () => (await history())[0]).toMatch(/^设置年度投资计划 /);
  });

  it('creates a target with its goal, records an actual, and the outlook and history follow', async () => {
    await page.goto('/targets');
    await page.getByTestId('target-new').click();
    await pickOption(page, 'target-form-plan', '工业振兴专项行动方案');
    await page.getByTestId('target-form-code').fill(`E2E-T-${stamp}`);
    await page.getByTestId('target-form-name').fill('规上工业企业研发投入');
    await page.getByTestId('target-form-measure').fill('亿元');
    await page.getByTestId('target-form-baseline').fill('100');
    await pickOption(page, 'target-form-unit', '建设街道');
    await page.getByTestId('target-form-goal').fill('120');
    await page.getByTestId('modal-ok').click();

    await page.getByTestId('target-page').waitFor();
    await expect.poll(() => textOf(page, 'target-outlook')).toBe(`${year}年：目标 120，预测 —数据不足，暂无法预测`);
    await page.getByTestId('target-record-actual').click();
    const period = await page.getByTestId('actual-form-period').innerText();
    expect(period).toMatch(new RegExp(`^${year}-`));
    await page.getByTestId('actual-form-value').fill('105.5');
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await history())[0]).toMatch(new RegExp(`^录入${period.trim()}实际值105.5 指挥部办公室主任 · `));
    await expect.poll(() => textOf(page, 'target-outlook')).toMatch(new RegExp(`^${year}年：目标 120，预测 \\d+(\\.\\d)?预计`));

    // An entered trajectory: the first period's planned value typed in; it shows as entered, and goes back to the line.
    const trajectoryLabels = async () => (await page.locator('[data-testid=trajectory-form] .ant-form-item-label').allInnerTexts()).map((l) => l.trim());
    await page.getByTestId('target-trajectory').click();
    await page.getByTestId('trajectory-value').first().fill('101.5');
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await history())[0]).toMatch(/^设置计划轨迹 /);
    await page.getByTestId('target-trajectory').click();
    await page.getByTestId('trajectory-value').first().waitFor();
    const labels = await trajectoryLabels();
    expect(labels[0]).toBe(`${year}-01 · 已录入`);
    expect(labels.slice(1).every((l) => !l.includes('已录入'))).toBe(true);
    expect(await page.getByTestId('trajectory-value').first().inputValue()).toBe('101.5');
    await page.getByTestId('trajectory-linear').click();
    await expect.poll(() => page.getByTestId('trajectory-value').count()).toBe(0);
    await page.getByTestId('target-trajectory').click();
    await page.getByTestId('trajectory-value').first().waitFor();
    expect((await trajectoryLabels()).some((l) => l.includes('已录入'))).toBe(false);
  });
});
