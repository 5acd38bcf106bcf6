// On a 375 px phone, as users open Tuijin there (issue 17 item 10): lists are cards that carry the
// facts a table's off-screen columns held (light, reason, deadline, progress, actions), the HQ desk
// folds its sections to their titles and counts, and a dialog's close × stays clear of its title.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function phone(account: string): Promise<Page> {
  const { page } = await newPage(browser, base, { phone: true });
  await submitLogin(page, account);
  await atPath(page, '/');
  return page;
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('at 375 px', () => {
  it('a task list is cards with each task’s light, deadline and progress on screen', async () => {
    const page = await phone('hq_office');
    await page.goto('/tasks');
    const card = page.getByTestId('task-table').getByTestId('card-row').first();
    await card.waitFor();
    const text = await card.innerText();
    for (const label of ['状态灯', '名称', '牵头单位', '期限', '进度']) expect(text).toContain(label);
    // The light's reason is written out: a phone has no hover.
    expect(await card.getByTestId('light-reasons-inline').innerText()).not.toBe('');
    // Every fact is inside the screen, not in a column scrolled off to the right.
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '.tmp/phone-tasks.png');
    await page.context().close();
  });

  it('the HQ desk folds its sections to their titles and counts, and opens one on a tap', async () => {
    const page = await phone('hq_office');
    await page.goto('/work/hq');
    await page.getByTestId('hq-desk').waitFor();
    const section = page.getByTestId('hq-unclaimed');
    expect(await section.getAttribute('data-open')).toBe('false');
    expect(await page.getByTestId('hq-to-chase').getAttribute('data-open')).toBe('false');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2600);
    await page.getByTestId('hq-unclaimed-toggle').click();
    expect(await section.getAttribute('data-open')).toBe('true');
    await section.getByTestId('hq-unclaimed-line').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '.tmp/phone-hq-desk.png', { fullPage: true });
    await page.context().close();
  });

  it('the claim dialog’s close × does not cover its title', async () => {
    const page = await phone('liaison');
    await page.goto('/work/unit');
    await page.getByTestId('wb-toClaim-toggle').click();
    await page.getByTestId('claim-open').first().click();
    // Wait for the claim form (its title names the task), then compare the title's text, line by line, with the ×.
    await page.locator('.ant-modal-title', { hasText: '认领' }).filter({ hasText: /\S+\s\S+/ }).first().waitFor();
    const overlaps = await page.evaluate(() => {
      const title = [...document.querySelectorAll('.ant-modal-title')].pop()!;
      const close = [...document.querySelectorAll('.ant-modal-close')].pop()!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(title);
      return [...range.getClientRects()].some((t) => t.left < close.right && close.left < t.right && t.top < close.bottom && close.top < t.bottom);
    });
    expect(overlaps).toBe(false);
    await shot(page, '.tmp/phone-claim.png');
    await page.context().close();
  });
});
