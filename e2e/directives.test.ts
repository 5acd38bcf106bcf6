// 上级指示 in a browser (issue 21 item 4): the HQ office registers a directive with two points, one
// for 建设街道 and one for 红旗街道, each sent at once to its unit with a deadline and a light, and
// adds a third point later; 建设街道's liaison finds its point among the orders to answer on the
// workbench and replies there; the leader reads the reply under the directive, and the list counts
// the points answered. Both pages also fit a 375 px phone.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../domain/calendar/workdays.js';
import { serverBase } from './base.js';
import { atPath, launch, newPage, signedInPages, submitLogin, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { pickDay, shootDialog, shootWhole } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const SOURCE = '市委办公室';
const DOC_NO = `市委办发〔2026〕${(parseInt(stamp.slice(-4), 36) % 900) + 100}号`;
const TITLE = `关于贯彻落实全市优化营商环境大会精神的通知（测试${stamp}）`;
const BODY = '会议要求各地各部门对标先进、补齐短板，确保营商环境年度目标如期完成。';
const POINT_JIANSHE = `摸排辖区企业诉求，建立问题清单并逐项销号（测试${stamp}）`;
const POINT_HONGQI = `开展“局长进企业”走访，年内实现规上企业全覆盖（测试${stamp}）`;
const POINT_FINANCE = `兑现惠企政策资金，按季度公开兑付进度（测试${stamp}）`;
const REPLY = '已完成辖区 86 家企业诉求摸排，建立问题清单 23 项，已销号 9 项。';
const as = signedInPages(() => browser, base);

/** Workdays ahead of today on the national calendar (the demo has no local calendar changes). */
const workdaysAhead = (n: number) => new WorkdayCalendar().addWorkdays(e2eDay(), n);

/** Picks one option of a select (typing it first: the units select searches), and closes its dropdown. */
async function pickIn(page: Page, select: Locator, text: string) {
  await select.click();
  await select.locator('input').fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** One point's fields in the register form (the nth) or the 增加落实事项 form. */
async function fillPoint(page: Page, form: Locator, n: number, content: string, unit: string, deadline: string) {
  await form.getByTestId('directive-point-content').nth(n).fill(content);
  await pickIn(page, form.getByTestId('directive-point-units').nth(n), unit);
  await pickDay(page, form.getByTestId('directive-point-deadline').nth(n), deadline);
}

/** A point's row on the directive's page (a table row; a card on a phone). */
const pointRow = (page: Page, content: string) => page.locator('.ant-table-row, [data-testid=card-row]', { hasText: content });
const folded = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a higher-level directive', () => {
  it('is registered in points for units, answered from a unit’s workbench, and read back by the leader', async () => {
    const [first, second, third] = [workdaysAhead(5), workdaysAhead(10), workdaysAhead(15)];
    const hq = await as('hq_office');
    await hq.goto('/directives');
    await hq.getByTestId('directive-new').click();
    const form = hq.getByTestId('directive-form');
    await hq.getByTestId('directive-source').waitFor();
    await hq.getByTestId('directive-source').fill(SOURCE);
    await hq.getByTestId('directive-docno').fill(DOC_NO);
    await hq.getByTestId('directive-title').fill(TITLE);
    await hq.getByTestId('directive-body').fill(BODY);
    // One point to start with; a second added.
    expect(await form.getByTestId('directive-point-content').count()).toBe(1);
    await fillPoint(hq, form, 0, POINT_JIANSHE, '建设街道', first);
    await hq.getByTestId('directive-point-add').click();
    await fillPoint(hq, form, 1, POINT_HONGQI, '红旗街道', second);
    expect(await form.getByTestId('directive-point-content').nth(0).inputValue()).toBe(POINT_JIANSHE);
    await shootDialog(hq, '/tmp/e2e-directive-form-1280.png');
    await hq.getByTestId('directive-submit').click();
    await hq.locator('.ant-message-success', { hasText: '上级指示已登记并交办' }).waitFor();

    // Its page: the facts, and both points out to their units, green.
    await hq.getByTestId('directive-page').waitFor();
    await expect.poll(() => textOf(hq, 'directive-page-title')).toBe(TITLE);
    const directiveId = new URL(hq.url()).pathname.split('/').pop()!;
    const facts = await hq.getByTestId('directive-page').innerText();
    for (const s of [SOURCE, DOC_NO, e2eDay(), BODY, '指挥部办公室主任']) expect(facts).toContain(s);
    await pointRow(hq, POINT_HONGQI).waitFor();
    expect(await hq.locator('.ant-table-row').count()).toBe(2);
    for (const [content, unit, day] of [
      [POINT_JIANSHE, '建设街道', first],
      [POINT_HONGQI, '红旗街道', second],
    ] as const) {
      const r = pointRow(hq, content);
      const text = await folded(r);
      expect(text).toContain(unit);
      expect(text).toContain(day);
      expect(text).toContain('已答复 0/1');
      expect(await r.locator('[data-light]').getAttribute('data-light')).toBe('green');
    }

    // 增加落实事项: a third point, for 区财政局 (the picture once the notice has gone).
    await expect.poll(() => hq.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await hq.getByTestId('directive-point-new').click();
    const pointForm = hq.getByTestId('directive-point-form');
    await pointForm.getByTestId('directive-point-content').waitFor();
    await fillPoint(hq, pointForm, 0, POINT_FINANCE, '区财政局', third);
    await shootDialog(hq, '/tmp/e2e-directive-point-form-1280.png');
    await hq.getByTestId('directive-point-submit').click();
    await hq.locator('.ant-message-success', { hasText: '落实事项已交办' }).waitFor();
    await pointRow(hq, POINT_FINANCE).waitFor();
    expect(await folded(pointRow(hq, POINT_FINANCE))).toContain('区财政局');
    expect(await hq.locator('.ant-table-row').count()).toBe(3);

    // 建设街道's liaison: its point among the orders to answer, with what it asks; replied to right there.
    const liaison = await as('liaison');
    await liaison.goto('/work/unit');
    const line = liaison.getByTestId('wb-dispatches').getByTestId('wb-dispatch-line').filter({ hasText: POINT_JIANSHE });
    await line.waitFor();
    const lineText = await line.innerText();
    expect(lineText).toContain(TITLE);
    expect(lineText).toContain('上级指示');
    // The other units' points are not 建设街道's to answer.
    expect(await liaison.getByTestId('wb-dispatch-line').filter({ hasText: POINT_HONGQI }).count()).toBe(0);
    await line.getByTestId('wb-dispatch-reply').click();
    const modal = liaison.getByTestId('dispatch-reply-modal');
    await modal.getByTestId('dispatch-answer').fill(REPLY);
    await modal.getByTestId('dispatch-reply-submit').click();
    await liaison.locator('.ant-message-success', { hasText: '答复已提交' }).waitFor();
    await line.waitFor({ state: 'detached' });

    // The leader: the reply counted under the point, and the list counts the directive's points answered.
    const leader = await as('leader');
    await leader.goto(`/directives/${directiveId}`);
    await pointRow(leader, POINT_FINANCE).waitFor();
    expect(await folded(pointRow(leader, POINT_JIANSHE))).toContain('已答复 1/1');
    expect(await folded(pointRow(leader, POINT_HONGQI))).toContain('已答复 0/1');
    // No registering for the leader.
    expect(await leader.getByTestId('directive-point-new').count()).toBe(0);
    await shootWhole(leader, '/tmp/e2e-directive-detail-1280.png');
    await leader.goto('/directives');
    const listed = leader.locator('.ant-table-row', { hasText: TITLE });
    await listed.waitFor();
    const listedText = await folded(listed);
    expect(listedText).toContain('已办结 1/3');
    expect(listedText).toContain(DOC_NO);
    expect(await leader.getByTestId('directive-new').count()).toBe(0);
    await shootWhole(leader, '/tmp/e2e-directive-list-1280.png');

    // On a phone both pages stack and fit the screen.
    const { page: phone } = await newPage(browser, base, { phone: true });
    await submitLogin(phone, 'hq_office');
    await atPath(phone, '/');
    await phone.goto(`/directives/${directiveId}`);
    await pointRow(phone, POINT_FINANCE).waitFor();
    expect(await phone.getByTestId('card-row').count()).toBe(3);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shootWhole(phone, '/tmp/e2e-directive-detail-375.png');
    await phone.getByTestId('directive-point-new').click();
    await phone.getByTestId('directive-point-form').getByTestId('directive-point-content').waitFor();
    await shootDialog(phone, '/tmp/e2e-directive-point-form-375.png');
    await phone.goto('/directives');
    await phone.getByTestId('card-row').filter({ hasText: TITLE }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shootWhole(phone, '/tmp/e2e-directive-list-375.png');
    await phone.getByTestId('directive-new').click();
    await phone.getByTestId('directive-source').waitFor();
    await phone.getByTestId('directive-point-add').click();
    await shootDialog(phone, '/tmp/e2e-directive-form-375.png');
    await phone.context().close();
  });
});
