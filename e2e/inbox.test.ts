// Reminders that reach people (issue 20 item 4), in a browser: the 建设街道 liaison signs in to a
// bell with a number (the demo's first day sends its digest), opens the inbox, opens a line of the
// digest — its report form or item page — and the bell's number drops by the message read. The HQ
// office sets up the mail server in 提醒设置: the password is kept, never shown, and a login over an
// unencrypted connection is refused under its field.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pathOf, pickOption, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { apiLogin } from './apiSession.js';
import { staffAccount } from '../demo/accounts.js';
import { shot } from './pageHelpers.js';

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
    await shot(liaison, '/tmp/e2e-inbox.png', { fullPage: true });
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

  it('opens a 督查 notice’s late item or finding from the inbox, not the list of notices', async () => {
    // The demo's notices went to its latest unit: that unit's liaison reads them.
    const hqApi = await apiLogin(base, 'hq_office');
    const [notice] = (await hqApi.get<{ data: { unitId: string }[] }>('/api/notices?perPage=1')).data;
    const units = (await hqApi.get<{ data: { id: string; code: string }[] }>('/api/units')).data;
    const liaison = await as(staffAccount('liaison', units.find((u) => u.id === notice!.unitId)!.code));
    await liaison.goto('/inbox');
    await liaison.getByTestId('inbox-page').waitFor();
    const subject = liaison.getByTestId('inbox-open-subject').first();
    await subject.waitFor();
    const title = ((await subject.textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(0);
    await subject.click();
    await liaison.waitForURL((u) => u.pathname !== '/inbox');
    expect(pathOf(liaison)).toMatch(/^\/(ledger|tasks|targets|projects)\/[0-9a-f-]{36}$/);
    // The page it opens is about that very thing.
    await liaison.getByText(title, { exact: false }).first().waitFor();
  });

  it('lets the HQ office set up the mail server, keeping its password out of sight', async () => {
    const hq = await as('hq_office');
    await hq.goto('/settings/reminders');
    const smtp = hq.getByTestId('smtp-settings');
    await smtp.waitFor();
    // Nothing saved yet: mail is off until the office switches it on.
    const enabled = hq.getByTestId('smtp-enabled');
    expect(await enabled.getAttribute('aria-checked')).toBe('false');
    await hq.getByTestId('smtp-host').fill('smtp.example.gov.cn');
    await pickOption(hq, 'smtp-port', '587');
    await pickOption(hq, 'smtp-security', '不加密');
    await hq.getByTestId('smtp-username').fill('tuijin@example.gov.cn');
    await hq.getByTestId('smtp-password').fill('Relay-Pass-2026');
    await hq.getByTestId('smtp-from').fill('tuijin@example.gov.cn');
    await hq.getByTestId('smtp-save').click();
    await smtp.getByText('使用账号密码登录时须为 SSL/TLS 或 STARTTLS').waitFor();
    await pickOption(hq, 'smtp-security', 'STARTTLS');
    await hq.getByTestId('smtp-save').click();
    await smtp.getByText('已保存，留空则不修改').waitFor();
    expect(await hq.getByTestId('smtp-password').inputValue()).toBe('');
    // Saved as it stood: still off after a reload; switched on and saved, on after the next.
    await hq.reload();
    await smtp.getByText('已保存，留空则不修改').waitFor();
    expect(await enabled.getAttribute('aria-checked')).toBe('false');
    await enabled.click();
    await hq.getByTestId('smtp-save').click();
    await hq.getByText('已保存', { exact: true }).first().waitFor();
    await hq.reload();
    await smtp.getByText('已保存，留空则不修改').waitFor();
    expect(await enabled.getAttribute('aria-checked')).toBe('true');
    // 发送测试邮件: a bad address is refused under its field; a good one gets the server's answer on
    // the page — this e2e server cannot reach smtp.example.gov.cn, and says so within seconds.
    await hq.getByTestId('smtp-test-to').fill('not-an-address');
    await hq.getByTestId('smtp-test-send').click();
    await hq.getByTestId('smtp-test').getByText('须为电子邮箱地址').waitFor();
    await hq.getByTestId('smtp-test-to').fill('office@example.gov.cn');
    await hq.getByTestId('smtp-test-send').click();
    const result = hq.getByTestId('smtp-test-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-sent')).toBe('false');
    expect(await result.textContent()).toContain('测试邮件未发出（发往 office@example.gov.cn）');
    await shot(hq, '/tmp/e2e-smtp-test.png', { fullPage: true });
  });
});
