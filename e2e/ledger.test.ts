// The 督查台账 in a browser, to the end (issue 22): an inspector records a finding on a red task from
// its page (the red light is the entry's source); the task's unit (its liaison) finds it among its
// 整改事项, acknowledges it and submits its rectification with evidence; the inspector verifies it
// "not effective" and reopens it; the unit rectifies again, keeping its file; the inspector verifies
// it effective and closes it. At each step the entry's status and only the buttons its policies
// allow show, for whoever looks. The task is made through the API first (as the HQ office), overdue
// since a week, so the test does not depend on the demo's work data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { atPath, launch, newPage, signedInPages, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { e2eDay } from './clock.js';
import { shootWhole, shot } from './pageHelpers.js';
import { makeJiansheTask } from './workSetup.js';

const base = serverBase();
let browser: Browser;
let taskId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `老旧小区雨污分流改造（督查测试${stamp}）`;
const FINDING = `雨污分流改造进度滞后，已逾期一周未完成（测试${stamp}）`;
const REQUIREMENT = '制定赶工计划，增加施工班组，两周内完成剩余管网铺设';
const MEASURES_1 = '已制定赶工计划，增加两个施工班组';
const MEASURES_2 = '剩余管网已全部铺设完毕，经社区验收合格';
const PDF = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF ${stamp}`);

const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  const task = await makeJiansheTask(base, `E2E-L-${stamp}`, '城市更新专项行动方案（督查测试）', TASK_TITLE, { startDate: e2eDay(-120), deadline: e2eDay(-7) });
  taskId = task.id;
  // A deadline a week gone makes the task red: what the inspector records the finding from.
  const read = await (await apiLogin(base, 'hq_office')).get<{ data: { light: string } }>(`/api/tasks/${taskId}`);
  expect(read.data.light, 'the overdue task is red').toBe('red');
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the entry and waits until it shows this status. */
async function openEntry(page: Page, path: string, status: string) {
  await page.goto(path);
  await page.locator(`[data-testid=ledger-entry-page][data-status=${status}]`).waitFor();
}

/** The step buttons the page shows (their test ids), once the entry shows `status`. */
async function buttonsAt(page: Page, status: string): Promise<string[]> {
  await page.locator(`[data-testid=ledger-entry-page][data-status=${status}]`).waitFor();
  const ids = await page.getByTestId('ledger-actions').locator('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid') ?? ''));
  return ids.sort();
}

/** Takes a worded step: opens its modal, lets `fill` fill it, confirms, and waits for the new status. */
async function wordedStep(page: Page, step: 'rectify' | 'verify' | 'reopen', fill: () => Promise<void>, then: string) {
  await page.getByTestId(`ledger-${step}`).click();
  await page.getByTestId(`ledger-${step}-ok`).waitFor();
  await fill();
  await page.getByTestId(`ledger-${step}-ok`).click();
  await page.locator(`[data-testid=ledger-entry-page][data-status=${then}]`).waitFor();
}

describe('a finding on a red task → rectified → not effective, reopened → rectified again → effective, closed', () => {
  it('moves the entry through every step, each by whom it falls to', async () => {
    // The inspector records the finding from the task's page: the red light is its source.
    const inspector = await as('inspector');
    await inspector.goto(`/tasks/${taskId}`);
    await inspector.getByTestId('ledger-record').click();
    expect(await inspector.getByTestId('ledger-form-origin').textContent()).toContain(`红灯事项 · ${TASK_TITLE}`);
    await inspector.getByTestId('ledger-form-finding').fill(FINDING);
    await inspector.getByTestId('ledger-form-requirement').fill(REQUIREMENT);
    await shot(inspector, '/tmp/e2e-ledger-record.png');
    await inspector.getByTestId('modal-ok').click();
    await inspector.locator('[data-testid=ledger-entry-page][data-status=open]').waitFor();
    const entryPath = new URL(inspector.url()).pathname;
    expect(entryPath).toMatch(/^\/ledger\/[0-9a-f-]{36}$/);
    expect(await inspector.getByTestId('ledger-source').textContent()).toBe('红灯事项');
    expect(await inspector.getByTestId('ledger-item-link').textContent()).toBe(TASK_TITLE);
    expect(await inspector.getByTestId('ledger-requirement').textContent()).toBe(REQUIREMENT);
    // Nothing for the inspector to do while the unit owes its rectification.
    expect(await buttonsAt(inspector, 'open')).toEqual([]);
    expect(await inspector.getByTestId('ledger-next').textContent()).toBe('等待被督查单位签收或提交整改');

    // The unit's liaison finds it among its 整改事项, from the first page's count.
    const liaison = await as('liaison');
    await liaison.goto('/');
    await liaison.getByTestId('home-todo-ledgerToRectify').click();
    await atPath(liaison, '/work/rectifications');
    await liaison.getByTestId('ledger-link').filter({ hasText: FINDING }).click();
    await atPath(liaison, entryPath);
    expect(await buttonsAt(liaison, 'open')).toEqual(['ledger-acknowledge', 'ledger-rectify']);
    await liaison.getByTestId('ledger-acknowledge').click();
    await liaison.getByTestId('ledger-acknowledge-ok').click();
    expect(await buttonsAt(liaison, 'rectifying')).toEqual(['ledger-rectify']);
    await wordedStep(
      liaison,
      'rectify',
      async () => {
        await liaison.getByTestId('ledger-measures').fill(MEASURES_1);
        await liaison.locator('[data-testid=ledger-rectify-modal] input[type=file]').setInputFiles({ name: '赶工计划.pdf', mimeType: 'application/pdf', buffer: PDF });
        await liaison.locator('[data-testid=ledger-rectify-modal] .ant-upload-list-item-done', { hasText: '赶工计划.pdf' }).waitFor();
        await shot(liaison, '/tmp/e2e-ledger-rectify.png');
      },
      'submitted',
    );
    expect(await liaison.getByTestId('ledger-measures-text').textContent()).toBe(MEASURES_1);
    await liaison.getByTestId('ledger-rectification').locator('.ant-upload-list-item', { hasText: '赶工计划.pdf' }).waitFor();
    expect(await buttonsAt(liaison, 'submitted')).toEqual([]);

    // The inspector finds it waiting among the rectifications to verify, and finds it not effective.
    await inspector.goto('/ledger?status=submitted');
    await inspector.getByTestId('ledger-link').filter({ hasText: FINDING }).click();
    await atPath(inspector, entryPath);
    expect(await buttonsAt(inspector, 'submitted')).toEqual(['ledger-verify']);
    await wordedStep(
      inspector,
      'verify',
      async () => {
        await inspector.getByTestId('ledger-verdict-not_effective').click();
        await inspector.getByTestId('ledger-comment').fill('现场核查，仍有三处管网未完成铺设');
      },
      'verified',
    );
    expect(await inspector.getByTestId('ledger-verdict-text').textContent()).toBe('整改无效');
    // What was not effective cannot be closed: only reopened.
    expect(await buttonsAt(inspector, 'verified')).toEqual(['ledger-reopen']);
    await wordedStep(inspector, 'reopen', () => inspector.getByTestId('ledger-reason').fill('请继续整改，完成后重新提交'), 'rectifying');
    expect(await inspector.getByTestId('ledger-reopen-reason').textContent()).toContain('请继续整改，完成后重新提交');

    // The unit rectifies again; the file it attached the first time is still there.
    await openEntry(liaison, entryPath, 'rectifying');
    expect(await liaison.getByTestId('ledger-verdict-text').textContent()).toBe('整改无效');
    await wordedStep(
      liaison,
      'rectify',
      async () => {
        await liaison.locator('[data-testid=ledger-rectify-modal] .ant-upload-list-item', { hasText: '赶工计划.pdf' }).waitFor();
        await liaison.getByTestId('ledger-measures').fill(MEASURES_2);
      },
      'submitted',
    );
    expect(await liaison.getByTestId('ledger-measures-text').textContent()).toBe(MEASURES_2);

    // The inspector finds it effective now, and closes it.
    await openEntry(inspector, entryPath, 'submitted');
    await wordedStep(
      inspector,
      'verify',
      async () => {
        await inspector.getByTestId('ledger-verdict-effective').click();
        await inspector.getByTestId('ledger-comment').fill('复查合格，整改到位');
      },
      'verified',
    );
    expect(await buttonsAt(inspector, 'verified')).toEqual(['ledger-close', 'ledger-reopen']);
    await inspector.getByTestId('ledger-close').click();
    await inspector.getByTestId('ledger-close-ok').click();
    expect(await buttonsAt(inspector, 'closed')).toEqual(['ledger-reopen']);
    expect(await inspector.getByTestId('ledger-verdict-text').textContent()).toBe('整改有效');
    // The whole trail: the failed round, the reopening and the second round, each with who took it.
    const steps = await inspector.getByTestId('ledger-step').allInnerTexts();
    expect(steps.map((s) => s.split('\n')[0]!.replace(/ · .*$/, ''))).toEqual(['登记问题', '单位签收', '提交整改', '核查（整改无效）', '重新打开', '提交整改', '核查（整改有效）', '销号']);
    expect(steps[3]).toContain('区委督查室主任');
    await shootWhole(inspector, '/tmp/e2e-ledger-closed.png');

    // The ledger lists it closed; the unit's page has no buttons left.
    await inspector.goto('/ledger?status=closed');
    await inspector.locator('[data-testid=ledger-row][data-status=closed]', { hasText: FINDING }).waitFor();
    await shot(inspector, '/tmp/e2e-ledger-list.png');
    await openEntry(liaison, entryPath, 'closed');
    expect(await buttonsAt(liaison, 'closed')).toEqual([]);

    // On a phone the entry reads without sideways scrolling.
    const { context, page: phone } = await newPage(browser, base, { phone: true });
    try {
      await submitLogin(phone, 'liaison');
      await atPath(phone, '/');
      await openEntry(phone, entryPath, 'closed');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await shootWhole(phone, '/tmp/e2e-ledger-phone.png');
    } finally {
      await context.close();
    }
  });
});
