// 工作动态 in a browser: the HQ office keeps the feed page open; the liaison raises a blocker through
// the API (as another user, elsewhere); the row appears on the open page without a reload, with its
// kind and unit, and its sentence leads to the task. The task is made through the API first. Then a
// report of 100 % is accepted: its row says what it did to the task's light (灯色变化) and links the task.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { e2eDay } from './clock.js';
import { makeJiansheTask } from './workSetup.js';
import { launch, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

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
    await shot(hq, '/tmp/e2e-feed.png');
    // Its sentence leads to the task.
    await row.getByRole('link').click();
    await hq.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
  });

  it('says on an accepted report what it did to the lights, and links the item', async () => {
    const hq = await as('hq_office');
    await hq.goto('/feed');
    await hq.locator('[data-testid=feed-connection][data-state=live]').waitFor();
    const [liaison, head, taskForce, office] = await Promise.all([apiLogin(base, 'liaison'), apiLogin(base, 'unit_head'), apiLogin(base, 'task_force'), apiLogin(base, 'hq_office')]);
    const task = await liaison.get<{ data: { units: { version: number }[] } }>(`/api/tasks/${taskId}`);
    const claimed = await liaison.post<{ data: { units: { version: number }[] } }>(`/api/tasks/${taskId}/claim`, { version: task.data.units[0]!.version, measures: '逐栋排查' });
    await head.post(`/api/tasks/${taskId}/claim/approve`, { version: claimed.data.units[0]!.version });
    // 100 %: accepted, the task is done (its light 已完成).
    const report = await liaison.post<{ data: { id: string } }>('/api/reports', { itemType: 'task', itemId: taskId, period: e2eDay().slice(0, 7), percent: '100', text: '全部完工' });
    const id = report.data.id;
    await liaison.post(`/api/reports/${id}/submit`, {});
    await head.post(`/api/reports/${id}/approve`, {});
    await taskForce.post(`/api/reports/${id}/review`, {});
    await office.post(`/api/reports/${id}/accept`, {});

    const row = hq.locator('[data-testid=feed-row][data-action="report.accepted"]').filter({ hasText: TASK_TITLE }).first();
    await row.waitFor({ timeout: 5000 });
    const lights = row.getByTestId('feed-lights');
    expect(await lights.textContent()).toContain('灯色：1 项完成');
    const item = lights.getByTestId('feed-light-item');
    expect(await item.getAttribute('data-move')).toBe('done');
    await shot(hq, '/tmp/e2e-feed-lights.png');
    await item.click();
    await hq.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
  });
});
