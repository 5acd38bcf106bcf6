// 工作动态 in a browser: the HQ office keeps the feed page open; the liaison raises a blocker through
// the API (as another user, elsewhere); the row appears on the open page without a reload, with its
// kind and unit, and its sentence leads to the task. The task is made through the API first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { makeJiansheTask } from './workSetup.js';
import { launch, signedInPages } from './browser.js';
import { serverBase } from './base.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进老旧小区改造（动态测试${stamp}）`;

const makeTask = async () => (await makeJiansheTask(base, `E2E-F-${stamp}`, '城市更新专项行动方案（动态测试）', TASK_TITLE)).id;

const as = signedInPages(() => browser, base);
let taskId = '';

beforeAll(async () => {
  [browser, taskId] = await Promise.all([launch(), makeTask()]);
});
afterAll(async () => {
  await browser?.close();
});

describe('the work feed', () => {
  it('shows a step taken by someone else as it happens, without a reload', async () => {
    const hq = await as('hq_office');
    await hq.goto('/feed');
    await hq.locator('[data-testid=feed-connection][data-state=live]').waitFor();
    const rows = hq.getByTestId('feed-row').filter({ hasText: TASK_TITLE });
    expect(await rows.count()).toBe(0);
    const loads: string[] = [];
    hq.on('framenavigated', (f) => f === hq.mainFrame() && loads.push(f.url()));

    const liaison = await apiLogin(base, 'liaison');
    await liaison.post('/api/blockers', { itemType: 'task', itemId: taskId, title: '小区加装电梯协调难' });

    const row = rows.first();
    await row.waitFor({ timeout: 5000 });
    expect(await row.getAttribute('data-action')).toBe('blocker.raised');
    expect(await row.textContent()).toContain('上报了堵点');
    expect(await row.textContent()).toContain('堵点');
    expect(loads).toEqual([]);
    await hq.screenshot({ path: '/tmp/e2e-feed.png' });
    // Its sentence leads to the task.
    await row.getByRole('link').click();
    await hq.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
  });
});
