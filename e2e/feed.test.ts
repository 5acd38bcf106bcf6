// 工作动态 in a browser: the HQ office keeps the feed page open; the liaison raises a blocker through
// the API (as another user, elsewhere); the row appears on the open page without a reload, with its
// kind and unit, and its sentence leads to the task. The task is made through the API first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { launch, signedInPages } from './browser.js';
import { e2eDay } from './clock.js';

const base = inject('base');
let browser: Browser;
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进老旧小区改造（动态测试${stamp}）`;

interface Listed {
  data: { id: string; code: string }[];
}

/** A task led by the liaison's unit (建设局) on a plan of the demo's industry task force. */
async function makeTask(): Promise<string> {
  const hq = await apiLogin(base, 'hq_office');
  const [units, bodies, programs] = await Promise.all([hq.get<Listed>('/api/units'), hq.get<Listed>('/api/bodies'), hq.get<Listed>('/api/programs')]);
  const today = e2eDay();
  const plan = await hq.post<{ data: { id: string } }>('/api/plans', {
    programId: programs.data[0]!.id,
    kind: 'special',
    code: `E2E-F-${stamp}`,
    title: '城市更新专项行动方案（动态测试）',
    taskForceId: bodies.data.find((b) => b.code === 'tf_industry')!.id,
  });
  const task = await hq.post<{ data: { id: string } }>('/api/tasks', {
    planId: plan.data.id,
    code: `E2E-F-${stamp}-1`,
    title: TASK_TITLE,
    leadUnitId: units.data.find((u) => u.code === 'jianshe')!.id,
    startDate: today,
    deadlineKind: 'date',
    deadline: `${Number(today.slice(0, 4)) + 1}-12-31`,
    reportPeriod: 'monthly',
  });
  return task.data.id;
}

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
