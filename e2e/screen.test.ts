// 大屏 at 1920×1080 in Chromium: dark, nothing scrolls, the key figures, area and task-force tiles,
// the live feed and the red items are on it; a blocker raised elsewhere appears on it without a
// reload, and the unresolved-blocker figure follows.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { launch, submitLogin } from './browser.js';
import { makeJiansheTask } from './workSetup.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const TITLE = `大屏测试堵点（${stamp}）`;
const TASK_TITLE = `大屏测试任务（${stamp}）`;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the big screen (issue 21 item 8)', () => {
  it('fits 1920×1080 without scrolling and is kept current by the feed', async () => {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 }, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    const page = await context.newPage();
    await submitLogin(page, 'leader');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/screen');
    await page.locator('[data-testid=screen-connection][data-state=live]').waitFor();
    await page.getByTestId('screen-tile').first().waitFor();
    const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(size.w).toBeLessThanOrEqual(1920);
    expect(size.h).toBeLessThanOrEqual(1080);
    expect(await page.getByTestId('screen').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 23, 48)');
    const figure = async () => Number((await page.getByTestId('screen-blockers').textContent()) ?? 'NaN');
    const before = await figure();

    // The liaison raises a blocker on a task of its unit, through the API.
    const task = await makeJiansheTask(base, `E2E-S-${stamp}`, '大屏测试方案', TASK_TITLE);
    await (await apiLogin(base, 'liaison')).post('/api/blockers', { itemType: 'task', itemId: task.id, title: TITLE });

    // The feed names the item the blocker holds back.
    await page.getByTestId('screen-feed-row').filter({ hasText: TASK_TITLE }).waitFor();
    // With an event to show, the panel no longer says it has none.
    expect(await page.getByTestId('screen-feed-empty').count()).toBe(0);
    await expect.poll(figure).toBe(before + 1);
    await shot(page, '.tmp/screen-1920.png');
    await context.close();
  });
});
