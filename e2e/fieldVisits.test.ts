// 调研督导 in a browser (issue 21 item 7): the industry task force logs a visit with two findings and a
// photo, turns the first into a blocker on a task of its own plan (found through the item picker's
// search) and the second into a follow-up for 建设街道 (a rest-day deadline is refused on its
// field); the page shows what each became, the follow-up with its light and replies; 建设街道's
// liaison finds it among the orders to answer. The page also fits a 375 px phone. The task is made
// through the API first (as the HQ office), so the test does not depend on the demo's work data.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { serverBase } from './base.js';
import { atPath, launch, newPage, pickOption, signedInPages, submitLogin, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { noisePng } from './noisePhoto.js';
import { makeJiansheTask } from './workSetup.js';
import { deadlines, pickDay, shootDialog, shootWhole } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const TASK_CODE = `E2E-FV-${stamp}-1`;
const TASK_TITLE = `推进工业园区标准化厂房建设（调研测试${stamp}）`;
const PLACE = `高新区标准化厂房建设现场（测试${stamp}）`;
const PARTICIPANTS = '专项推进组副组长、区工业和信息化局分管负责同志、建设街道';
const SUMMARY = '实地查看了二期厂房主体施工和园区道路建设情况，听取了施工单位和入驻企业的意见。';
const FINDING_1 = `二期厂房配套电力线路尚未接入，影响企业设备调试（测试${stamp}）`;
const FINDING_2 = `园区内部道路破损，雨天大型车辆通行困难（测试${stamp}）`;
const BLOCKER_TITLE = `厂房配电线路接入滞后（测试${stamp}）`;
const PHOTO = '厂房现场.png';
const as = signedInPages(() => browser, base);

interface Listed<T> {
  data: T[];
}

/** Closes a multiple select's dropdown, and waits until it is gone (it would cover the buttons under it). */
async function closeDropdown(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Waits until no notice of something saved covers the header. */
const noticesGone = (page: Page) => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

const row = (page: Page, text: string): Locator => page.getByTestId('visit-finding-row').filter({ hasText: text });

beforeAll(async () => {
  [browser] = await Promise.all([launch(), makeJiansheTask(base, `E2E-FV-${stamp}`, '工业振兴专项行动方案（调研测试）', TASK_TITLE)]);
  // The task is on a plan of the industry task force, and the task force finds it by its code.
  const tf = await apiLogin(base, 'task_force');
  const found = await tf.get<Listed<{ code: string; planId: string }>>(`/api/tasks?q=${encodeURIComponent(TASK_CODE)}`);
  expect(found.data.map((t) => t.code)).toEqual([TASK_CODE]);
  const plans = await tf.get<Listed<{ id: string; taskForceName: string | null }>>('/api/plans?perPage=100');
  expect(plans.data.find((p) => p.id === found.data[0]!.planId)?.taskForceName).toBe('工业振兴专项推进组');
});
afterAll(async () => {
  await browser?.close();
});

describe('a field visit', () => {
  it('is logged with findings and a photo, and each finding becomes a blocker or a tracked follow-up', async () => {
    const tf = await as('task_force');
    await tf.goto('/field-visits');
    await tf.getByTestId('visit-new').click();
    await tf.getByTestId('visit-place').waitFor();
    // The task force member's own task force is picked already (once the task forces have loaded), and today.
    await expect.poll(() => tf.getByTestId('visit-body').innerText()).toContain('工业振兴专项推进组');
    await tf.getByTestId('visit-place').fill(PLACE);
    await tf.getByTestId('visit-participants').fill(PARTICIPANTS);
    await tf.getByTestId('visit-summary').fill(SUMMARY);
    await tf.getByTestId('visit-finding').first().fill(FINDING_1);
    await tf.getByTestId('visit-finding-add').click();
    await tf.getByTestId('visit-finding').nth(1).fill(FINDING_2);
    // The photo is uploaded as it is picked; the findings typed before stay.
    const photo = await noisePng(tf, 640, 480);
    await tf.locator('[data-testid=visit-form] input[type=file]').setInputFiles({ name: PHOTO, mimeType: 'image/png', buffer: photo });
    await tf.locator('[data-testid=visit-form] .ant-upload-list-item-done', { hasText: PHOTO }).waitFor({ timeout: 60_000 });
    expect(await tf.getByTestId('visit-finding').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual([FINDING_1, FINDING_2]);
    expect(await tf.getByTestId('visit-place').inputValue()).toBe(PLACE);
    await shootDialog(tf, '/tmp/e2e-visit-form-1280.png');
    await tf.getByTestId('visit-submit').click();
    await tf.locator('.ant-message-success', { hasText: '调研已记录' }).waitFor();

    // Its page: the facts, the photo, the two findings, each open to act on.
    await tf.getByTestId('visit-page').waitFor();
    await expect.poll(() => textOf(tf, 'visit-title')).toBe(`${e2eDay()} ${PLACE}`);
    const visitId = new URL(tf.url()).pathname.split('/').pop()!;
    expect(new URL(tf.url()).pathname).toBe(`/field-visits/${visitId}`);
    const facts = await tf.getByTestId('visit-page').innerText();
    for (const s of ['工业振兴专项推进组', PARTICIPANTS, SUMMARY]) expect(facts).toContain(s);
    expect(await textOf(tf, 'visit-summary-read')).toBe(SUMMARY);
    const thumb = tf.getByTestId('visit-photos').locator('img');
    expect(await thumb.count()).toBe(1);
    expect(await thumb.getAttribute('alt')).toBe(PHOTO);
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(640);
    expect(await tf.getByTestId('visit-finding-row').count()).toBe(2);
    expect(await tf.locator('[data-testid=visit-finding-row][data-outcome=none]').count()).toBe(2);
    expect(await row(tf, FINDING_1).innerText()).toMatch(/^1\./);

    // 转为堵点: on the task, found by its code (the dialog's picture once the notice has gone).
    await noticesGone(tf);
    await row(tf, FINDING_1).getByTestId('finding-to-blocker').click();
    await tf.getByTestId('finding-blocker-title').waitFor();
    // The title starts as the finding's text.
    expect(await tf.getByTestId('finding-blocker-title').inputValue()).toBe(FINDING_1);
    // Searched on the server by its code, as a user types it.
    await tf.getByTestId('item-picker').click();
    await tf.getByTestId('item-picker').locator('input').fill(TASK_CODE);
    await tf.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${TASK_CODE} ${TASK_TITLE}` }).click();
    await tf.getByTestId('finding-blocker-title').fill(BLOCKER_TITLE);
    // What was picked reads as the task, not its id.
    expect(await tf.getByTestId('finding-blocker-form').locator('[data-testid=item-picker]').innerText()).toContain(TASK_CODE);
    await shootDialog(tf, '/tmp/e2e-visit-blocker-form-1280.png');
    await tf.getByTestId('finding-blocker-submit').click();
    await tf.locator('.ant-message-success', { hasText: '已转为堵点' }).waitFor();
    const blocked = tf.locator('[data-testid=visit-finding-row][data-outcome=blocker]', { hasText: FINDING_1 });
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain(`已转为堵点：${BLOCKER_TITLE}`);
    expect(await blocked.getByTestId('finding-to-blocker').count()).toBe(0);
    // Held at once by the task force, waiting for it.
    expect(await blocked.getByTestId('finding-blocker-status').getAttribute('data-status')).toBe('open');
    // The task's light names the blocker from now on.
    const office = await apiLogin(base, 'hq_office');
    const task = await office.get<Listed<{ light: string }>>(`/api/tasks?q=${encodeURIComponent(TASK_CODE)}`);
    expect(task.data[0]!.light).not.toBe('green');

    // 转为督办: a rest day is refused on its field; a workday goes out with a light.
    const { restDay, workday } = deadlines();
    await noticesGone(tf);
    await row(tf, FINDING_2).getByTestId('finding-to-followup').click();
    await tf.getByTestId('finding-followup-form').getByTestId('finding-followup-units').waitFor();
    await pickOption(tf, 'finding-followup-units', '建设街道');
    await closeDropdown(tf);
    await pickDay(tf, 'finding-followup-deadline', restDay);
    await tf.getByTestId('finding-followup-submit').click();
    await tf.getByTestId('finding-followup-form').locator('.ant-form-item-explain-error', { hasText: '不是工作日' }).waitFor();
    await shootDialog(tf, '/tmp/e2e-visit-followup-form-1280.png');
    await pickDay(tf, 'finding-followup-deadline', workday);
    await tf.getByTestId('finding-followup-submit').click();
    await tf.locator('.ant-message-success', { hasText: '督办事项已送达' }).waitFor();
    const followed = tf.locator('[data-testid=visit-finding-row][data-outcome=follow_up]', { hasText: FINDING_2 });
    await followed.waitFor();
    const line = (await followed.innerText()).replace(/\s+/g, ' ');
    expect(line).toContain('已转为督办事项');
    expect(line).toContain('已答复 0/1');
    expect(line).toContain(workday);
    expect(await followed.getByTestId('finding-light').getAttribute('data-light')).toBe('green');
    expect(await tf.locator('[data-testid=visit-finding-row][data-outcome=none]').count()).toBe(0);
    await noticesGone(tf);
    await shootWhole(tf, '/tmp/e2e-visit-detail-1280.png');

    // The list: the visit, its two findings all acted on.
    await tf.goto('/field-visits');
    const listed = tf.locator('.ant-table-row', { hasText: PLACE });
    await listed.waitFor();
    expect((await listed.innerText()).replace(/\s+/g, ' ')).toContain(`${e2eDay()} ${PLACE} 工业振兴专项推进组 2 条，均已转办`);
    await shootWhole(tf, '/tmp/e2e-visit-list-1280.png');

    // On a phone the page stacks and fits the screen.
    const { page: phone } = await newPage(browser, base, { phone: true });
    await submitLogin(phone, 'task_force');
    await atPath(phone, '/');
    await phone.goto(`/field-visits/${visitId}`);
    await phone.locator('[data-testid=visit-finding-row][data-outcome=follow_up]').waitFor();
    await phone.getByTestId('visit-photos').locator('img').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shootWhole(phone, '/tmp/e2e-visit-detail-375.png');
    await phone.goto('/field-visits');
    await phone.getByTestId('card-row').filter({ hasText: PLACE }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shootWhole(phone, '/tmp/e2e-visit-list-375.png');
    await phone.getByTestId('visit-new').click();
    await phone.getByTestId('visit-place').waitFor();
    await phone.getByTestId('visit-finding-add').click();
    await shootDialog(phone, '/tmp/e2e-visit-form-375.png');
    await phone.context().close();

    // 建设街道's liaison has the follow-up among the orders to answer, with what the finding says.
    const liaison = await as('liaison');
    await liaison.goto('/work/unit');
    const pending = liaison.getByTestId('wb-dispatches').getByTestId('wb-dispatch-line').filter({ hasText: FINDING_2 });
    await pending.waitFor();
    const pendingText = await pending.innerText();
    expect(pendingText).toContain(PLACE);
    expect(pendingText).toContain('调研督办');
  });
});
