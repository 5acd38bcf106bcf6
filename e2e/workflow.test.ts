// The heart of issue 3 in a browser: a liaison claims a task (its head approves the claim) and files a report with a photo; the
// unit head approves; the task force returns it with a reason; the liaison fixes and resubmits; the
// unit head approves again; the task force reviews; the HQ office accepts; the task's light turns
// green and its reason shows on the task page. The task is made through the API first (as the HQ
// office), so the test does not depend on the demo's work data.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { atPath, launch, signedInPages, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let taskId = '';
let unitId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进老旧小区改造（测试${stamp}）`;
const RETURN_REASON = '请补充现场照片说明和下一步计划';

interface Listed {
  data: { id: string; code: string }[];
}

/** The plan (owned by the demo task force's body) and the task assigned to the liaison's unit. */
async function makeTask() {
  const hq = await apiLogin(base, 'hq_office');
  const units = await hq.get<Listed>('/api/units');
  const bodies = await hq.get<Listed>('/api/bodies');
  const unitId = units.data.find((u) => u.code === 'jianshe')!.id;
  const taskForceId = bodies.data.find((b) => b.code === 'tf_industry')!.id;
  const today = e2eDay();
  const year = Number(today.slice(0, 4));
  const programs = await hq.get<Listed>('/api/programs');
  const programId =
    programs.data[0]?.id ??
    (await hq.post<{ data: { id: string } }>('/api/programs', { code: `e2e_${stamp}`, name: '全面振兴新突破三年行动', startYear: year, endYear: year + 2 })).data.id;
  const plan = await hq.post<{ data: { id: string } }>('/api/plans', { programId, kind: 'special', code: `E2E-${stamp}`, title: '工业振兴专项行动方案（测试）', taskForceId });
  const task = await hq.post<{ data: { id: string; units: unknown[] } }>('/api/tasks', {
    planId: plan.data.id,
    code: `E2E-${stamp}-1`,
    title: TASK_TITLE,
    leadUnitId: unitId,
    startDate: today,
    deadlineKind: 'date',
    deadline: `${year + 1}-12-31`,
    reportPeriod: 'monthly',
    description: '对辖区老旧小区燃气管网逐栋排查，制定改造方案。',
  });
  expect(task.data.units).toHaveLength(1);
  return { taskId: task.data.id, unitId };
}

const as = signedInPages(() => browser, base);

/** Waits for the report to show this status; if the app answers with an error message instead, fails with its text. */
async function reportStatus(page: Page, status: string) {
  const shown = page.locator(`[data-testid=report-status][data-status=${status}]`);
  const refused = page.locator('.ant-message-error');
  await shown.or(refused).first().waitFor();
  if (!(await shown.isVisible())) throw new Error(`expected the report ${status}; the app said: ${await refused.first().textContent()}`);
}

/** Opens a report from a workbench section by the test's task, and waits for its page. */
async function openFrom(page: Page, path: string, section: string, button: string) {
  await page.goto(path);
  const line = page.locator(`[data-testid=${section}-line][data-item="${taskId}"]`);
  await line.getByTestId(button).click();
  await page.getByTestId('report-page').waitFor();
}

/** Takes a step and waits for the status it leads to. */
async function step(page: Page, action: string, status: string, comment?: string) {
  await page.getByTestId(`report-${action}`).click();
  // Each step asks for an optional 审批意见 first.
  if (comment) await page.getByTestId('step-comment').fill(comment);
  await page.getByTestId('step-ok').click();
  await reportStatus(page, status);
}

beforeAll(async () => {
  let made: { taskId: string; unitId: string };
  [browser, made] = await Promise.all([launch(), makeTask()]);
  ({ taskId, unitId } = made);
});
afterAll(async () => {
  await browser?.close();
});

describe('claim → approve claim → report → approve → return → resubmit → approve → review → accept', () => {
  it('walks the whole flow in Chromium and the light turns green with its reason', async () => {
    // The liaison claims the task with measures and a milestone of the unit's own.
    const liaison = await as('liaison');
    await liaison.getByTestId('menu-myWork').click();
    await atPath(liaison, '/work/unit');
    await liaison.locator(`[data-testid=wb-toClaim-line][data-item="${taskId}"]`).getByTestId('claim-open').click();
    await liaison.getByTestId('claim-measures').fill('成立专班，逐栋排查，12月底前完成方案设计');
    await liaison.getByTestId('claim-add-milestone').click();
    await liaison.getByTestId('claim-milestone-name').fill('完成方案设计');
    const due = liaison.locator('[data-testid=claim-modal] .ant-picker input');
    await due.click();
    await due.fill(`${Number(e2eDay().slice(0, 4)) + 1}-01-15`);
    await due.press('Enter');
    await liaison.getByTestId('modal-ok').click();
    await liaison.getByTestId('claim-modal').waitFor({ state: 'detached' });

    // The unit head finds the claim on the workbench and approves it on the task's page.
    const head = await as('unit_head');
    await head.goto('/work/unit');
    await head.locator(`[data-testid=wb-claimsToApprove-line][data-item="${taskId}"]`).getByTestId('claim-review').click();
    await head.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
    await head.getByTestId('claim-approve').click();
    await head.locator(`[data-testid=claim-status-${unitId}]`, { hasText: '已认领' }).waitFor();
    expect(await textOf(head, 'task-units')).toContain('逐栋排查');

    // Claimed: the task is now to be reported; the liaison files a report with a photo and submits it.
    const toReport = liaison.locator(`[data-testid=wb-toReport-line][data-item="${taskId}"]`);
    await toReport.getByTestId('report-open').click();
    await liaison.getByTestId('report-new').waitFor();
    // Beside the form: what the task asks and by when; the period is picked from the due ones (issue 17 items 12, 13).
    expect(await textOf(liaison, 'report-brief-content')).toBe('对辖区老旧小区燃气管网逐栋排查，制定改造方案。');
    expect(await textOf(liaison, 'report-brief-due')).toBe(`${Number(e2eDay().slice(0, 4)) + 1}-12-31`);
    expect(await textOf(liaison, 'report-brief-last')).toBe('尚无验收通过的报送');
    await shot(liaison, '.tmp/report-new-1280.png', { fullPage: true });
    expect(await liaison.getByTestId('report-period').locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toMatch(/^\d{4}-\d{2}（\d{4}-\d{2}-\d{2}前报送）/);
    await liaison.getByTestId('report-percent').fill('40');
    await liaison.getByTestId('report-text').fill('已完成12栋楼的入户排查，方案设计进行中。');
    await liaison.locator('[data-testid=report-form] input[type=file]').setInputFiles({ name: 'site-photo.png', mimeType: 'image/png', buffer: readFileSync(new URL('../demo/fixtures/site.png', import.meta.url)) });
    await liaison.locator('.ant-upload-list-item-done', { hasText: 'site-photo.png' }).waitFor();
    await liaison.getByTestId('report-submit').click();
    await reportStatus(liaison, 'submitted');
    const reportUrl = new URL(liaison.url()).pathname;
    expect(reportUrl).toMatch(/^\/reports\/[0-9a-f-]{36}$/);

    // The unit head approves it from the workbench.
    await openFrom(head, '/work/unit', 'wb-toApprove', 'approve-open');
    await step(head, 'approve', 'approved');

    // The task force returns it with a reason.
    const tf = await as('task_force');
    await openFrom(tf, '/work/review', 'tf-toReview', 'review-open');
    await tf.getByTestId('report-return').click();
    await tf.getByTestId('return-reason').fill(RETURN_REASON);
    await tf.getByTestId('return-ok').click();
    await reportStatus(tf, 'returned');

    // The liaison sees the reason, fixes the figure and resubmits.
    await openFrom(liaison, '/work/unit', 'wb-returned', 'returned-open');
    expect(await textOf(liaison, 'report-return-reason')).toContain(RETURN_REASON);
    await liaison.getByTestId('report-percent').fill('60');
    await liaison.getByTestId('report-submit').click();
    await reportStatus(liaison, 'submitted');

    // Approved again, reviewed, accepted.
    await openFrom(head, '/work/unit', 'wb-toApprove', 'approve-open');
    await step(head, 'approve', 'approved');
    await openFrom(tf, '/work/review', 'tf-toReview', 'review-open');
    await step(tf, 'review', 'reviewed');
    const hq = await as('hq_office');
    await openFrom(hq, '/work/hq', 'hq-toAccept', 'accept-open');
    // The photo travels with the report; the history shows every timed step with the return reason.
    await hq.locator('.ant-upload-list-item', { hasText: 'site-photo.png' }).waitFor();
    await step(hq, 'accept', 'accepted', '数据翔实，同意验收');
    const steps = await textOf(hq, 'report-steps');
    expect(steps).toContain(RETURN_REASON);
    // The 审批意见 given with a step is in the history too (issue 17 item 14).
    expect(steps).toContain('审批意见：数据翔实，同意验收');
    expect(await hq.locator('[data-testid^=report-step-]').count()).toBe(7);

    // The task's page: green, with the reason, 60 % progress, and the report listed.
    await hq.getByTestId('report-item-link').click();
    await hq.getByTestId('task-page').waitFor();
    await hq.locator('[data-testid=item-light][data-light=green]').waitFor();
    expect(await textOf(hq, 'item-light-reasons')).toContain('按序时进度推进');
    // The reports come in their own reply, after the task: the list is empty while it loads.
    await hq.getByTestId('item-reports').locator('.ant-list-item', { hasText: '已验收' }).waitFor();
    expect(await textOf(hq, 'task-title')).toBe(TASK_TITLE);
    // Its history tells the story newest first: accepted at 60 %, the task force's return with
    // its reason, the claim approved by the head and made by the liaison, and who did each.
    const history = hq.getByTestId('item-history-line');
    await history.first().waitFor();
    const lines = (await history.allInnerTexts()).map((l) => l.replace(/\s+/g, ' '));
    expect(lines[0]).toMatch(/^建设街道\d{4}-\d{2}报送验收：进度60% 指挥部办公室主任 · /);
    expect(lines.findIndex((l) => l.includes(`报送被退回：${RETURN_REASON}`) && l.includes('工业振兴专项推进组副组长'))).toBeGreaterThan(0);
    const approved = lines.findIndex((l) => l.startsWith('建设街道的认领经单位一把手审批通过 建设街道党工委书记'));
    const claimed = lines.findIndex((l) => l.startsWith('建设街道认领 建设街道联络员'));
    expect(approved).toBeGreaterThan(0);
    expect(claimed).toBeGreaterThan(approved);
  });
});
