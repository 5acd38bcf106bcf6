// The leading group's first page in Chromium, at 1280 px and on a 375 px phone: blockers escalated
// to it wait there for a decision, and the worst items are named with their reasons in words
// (a phone has no hover). The leader decides one blocker and sends another back down with an
// instruction; the unit that raised it reads the instruction.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type ApiSession } from './apiSession.js';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let leader: ApiSession;

interface BlockerRow {
  id: string;
  title: string;
  unitId: string;
  itemId: string;
  level: string;
  status: string;
  instruction: string | null;
  resolution: string | null;
}

beforeAll(async () => {
  browser = await launch();
  leader = await apiLogin(base, 'leader');
});
afterAll(async () => {
  await browser?.close();
});

async function leaderPage(phone: boolean): Promise<Page> {
  const { page } = await newPage(browser, base, { phone });
  await submitLogin(page, 'leader');
  await atPath(page, '/');
  await page.getByTestId('leader-desk').waitFor();
  return page;
}

const waiting = () => leader.get<{ data: BlockerRow[]; page: { total: number } }>('/api/blockers?status=open&level=leading_group&sort=oldest&perPage=100');

describe('the leader’s first page', () => {
  it('names the worst items with their reasons written out, red first, on a phone too', async () => {
    const wb = await leader.get<{ data: { worst: { code: string; light: string; lightReasons: { text: string }[] }[] } }>('/api/workbench/leader');
    expect(wb.data.worst.length).toBeGreaterThan(3);
    expect(wb.data.worst[0]!.light).toBe('red');
    for (const phone of [false, true]) {
      const page = await leaderPage(phone);
      const first = page.getByTestId('leader-worst-line').first();
      await first.waitFor();
      // The first line's reasons are on the page as text, not in a tooltip.
      const reasons = await first.getByTestId('leader-worst-reasons').innerText();
      expect(reasons).toContain(wb.data.worst[0]!.lightReasons[0]!.text);
      await shot(page, `.tmp/leader-home-${phone ? 375 : 1280}.png`, { fullPage: true });
      if (phone) {
        // Nothing runs off the side of a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
      await page.context().close();
    }
  });

  it('lists the blockers escalated to the leading group, and the leader decides them there', async () => {
    const before = await waiting();
    expect(before.data.length).toBeGreaterThanOrEqual(2);
    const [toResolve, toSendDown] = [before.data[0]!, before.data[1]!];
    const page = await leaderPage(false);
    const list = page.getByTestId('leader-decisions');
    await expect.poll(async () => Number(await page.getByTestId('leader-decisions-count').textContent())).toBe(before.page.total);

    // Decide it.
    const one = list.locator(`[data-blocker="${toResolve.id}"]`);
    await one.getByTestId('blocker-decide').click();
    await page.getByTestId('blocker-text-input').locator('visible=true').fill('区政府专题会议议定：由区住建局牵头，本月底前完成');
    await page.getByTestId('blocker-dialog-ok').locator('visible=true').click();
    await one.waitFor({ state: 'detached' });

    // Send back down with an instruction, to the unit.
    const two = list.locator(`[data-blocker="${toSendDown.id}"]`);
    await two.getByTestId('blocker-return').click();
    await page.getByTestId('blocker-return-level').locator('visible=true').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '单位层面' }).click();
    await page.getByTestId('blocker-text-input').locator('visible=true').fill('请属地单位先行对接，一周内报送方案');
    await page.getByTestId('blocker-dialog-ok').locator('visible=true').click();
    await two.waitFor({ state: 'detached' });
    await expect.poll(async () => Number(await page.getByTestId('leader-decisions-count').textContent())).toBe(before.page.total - 2);

    // The decisions are on the blockers the unit sees.
    const after = await leader.get<{ data: BlockerRow }>(`/api/blockers/${toSendDown.id}`);
    expect(after.data).toMatchObject({ status: 'open', level: 'unit', instruction: '请属地单位先行对接，一周内报送方案' });
    const resolved = await leader.get<{ data: BlockerRow }>(`/api/blockers/${toResolve.id}`);
    expect(resolved.data).toMatchObject({ status: 'resolved', resolution: '区政府专题会议议定：由区住建局牵头，本月底前完成' });
    await page.context().close();
  });
});
