// The HQ office drafts a plan in Chromium: a new special plan with its task force, edited while a
// draft, then submitted for review, after which it can no longer be edited; a liaison cannot draft.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signedInPages } from './browser.js';
import { serverBase } from './base.js';

const base = serverBase();
const stamp = Date.now().toString(36);
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

const header = async () => ((await page.getByTestId('plan-page').locator('.ant-card-head').first().textContent()) ?? '').replace(/\s+/g, ' ');

describe('the HQ office drafts a plan', () => {
  it('creates a special plan with its task force, edits the draft, and submits it for review', async () => {
    await page.goto('/plans');
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-form-code').waitFor();
    await page.getByTestId('plan-form-code').fill(`E2E-PL-${stamp}`);
    await page.getByTestId('plan-form-title').fill('营商环境提升专项方案');
    await page.getByTestId('plan-form-task-force').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工业振兴专项推进组' }).click();
    await page.getByTestId('modal-ok').click();

    await page.getByTestId('plan-page').waitFor();
    await expect.poll(header).toContain('营商环境提升专项方案');
    expect(await header()).toContain('草稿');
    expect(await page.getByTestId('plan-page').textContent()).toContain('工业振兴专项推进组');

    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-form-summary').fill('压减审批时限，提升“一网通办”比例。');
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await page.getByTestId('plan-page').textContent()) ?? '').toContain('压减审批时限');

    await page.getByRole('button', { name: '提交审议' }).click();
    await expect.poll(header).toContain('审议中');
    expect(await page.getByTestId('plan-edit').count()).toBe(0);
  });

  it('gives a liaison no way to draft a plan', async () => {
    const liaison = await as('liaison');
    await liaison.goto('/plans');
    await liaison.getByTestId('plans-page').locator('.ant-table-row').first().waitFor();
    expect(await liaison.getByTestId('plan-new').count()).toBe(0);
  });
});
