// Reminders that reach people (issue 20 item 4), in a browser: the 建设街道 liaison signs in to a
// bell with a number (the demo's first day sends its digest), opens the inbox, opens a line of the
// digest — its report form or item page — and the bell's number drops by the message read.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pathOf, signedInPages } from './browser.js';
import { serverBase } from './base.js';

const base = serverBase();
let browser: Browser;
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the inbox', () => {
  it('shows the liaison the unread count, opens a reminder’s item and counts it read', async () => {
    const liaison = await as('liaison');
    const bell = liaison.getByTestId('inbox-bell');
    await liaison.waitForFunction(() => Number(document.querySelector('[data-testid=inbox-bell]')?.getAttribute('data-unread')) > 0);
    const before = Number(await bell.getAttribute('data-unread'));
    await bell.click();
    await liaison.getByTestId('inbox-page').waitFor();
    const unread = liaison.locator('[data-testid=inbox-message][data-read=false]');
    await unread.first().waitFor();
    await liaison.screenshot({ path: '/tmp/e2e-inbox.png', fullPage: true });
    const line = unread.first().getByTestId('inbox-line').first();
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/个工作日|今日到期/);
    await line.click();
    await liaison.waitForURL((u) => u.pathname !== '/inbox');
    expect(pathOf(liaison)).toMatch(/^\/(reports\/new|tasks|targets|projects)\b/);
    await liaison.waitForFunction((n) => Number(document.querySelector('[data-testid=inbox-bell]')?.getAttribute('data-unread')) === n - 1, before);
    await liaison.goBack();
    await liaison.getByTestId('inbox-page').waitFor();
    await liaison.locator('[data-testid=inbox-message][data-read=true]').first().waitFor();
  });
});
