// 监督 in a browser (issue 22 items 6–7): the oversight account opens its 监督哨, finds a task overdue
// for weeks (made through the API first, so the test does not depend on the demo's work data),
// opens a case from its row in one step, takes it up for verification and handles it with a
// disposal. A leader who opens the case's address gets the 404 page, and no menu entry. An
// enterprise files a complaint on the public form on a phone, with no login; its tracking code
// shows the status, and the oversight account finds it as a case, with the photo it attached.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, pickOption, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { e2eDay } from './clock.js';
import { makeJiansheTask } from './workSetup.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
/** The demo's site photo (small: sent as it is, not downscaled). */
const PHOTO = readFileSync(new URL('../demo/fixtures/site.png', import.meta.url));
let browser: Browser;
let taskId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `背街小巷改造（监督测试${stamp}）`;
const DISPOSAL = `对建设街道分管负责人进行谈话提醒（测试${stamp}）`;

const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  // Due four weeks ago: red, and overdue far beyond the watch's 10 workdays.
  taskId = (await makeJiansheTask(base, `E2E-O-${stamp}`, '城市更新专项行动方案（监督测试）', TASK_TITLE, { startDate: e2eDay(-120), deadline: e2eDay(-28) })).id;
});
afterAll(async () => {
  await browser?.close();
});

const atStatus = (page: Page, status: string) => page.locator(`[data-testid=case-page][data-status=${status}]`).waitFor();

describe('监督哨 → a case in one step → verifying → handled, and nobody else learns of it', () => {
  it('opens a case from the watch and handles it with a disposal', async () => {
    const officer = await as('oversight');
    await officer.getByTestId('home-oversight-watch').click();
    const row = officer.locator(`[data-testid=watch-item][data-id="${taskId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('逾期');
    await shot(officer, '/tmp/e2e-oversight-watch.png', { fullPage: true });
    await row.getByTestId('watch-open').click();
    const origin = await officer.getByTestId('case-form-origin').textContent();
    expect(origin).toContain('逾期事项 · ');
    expect(origin).toContain(TASK_TITLE);
    await officer.getByTestId('case-form-summary').fill('任务逾期四周仍未完成，责任单位未说明原因');
    await officer.getByTestId('case-form-ok').click();
    await atStatus(officer, 'received');
    const casePath = new URL(officer.url()).pathname;
    expect(casePath).toMatch(/^\/oversight\/cases\/[0-9a-f-]{36}$/);
    expect(await officer.getByTestId('case-source').textContent()).toContain(TASK_TITLE);

    await officer.getByTestId('case-verify').click();
    await officer.getByTestId('case-comment').fill('初核：调取任务报送记录');
    await officer.getByTestId('case-verify-ok').click();
    await atStatus(officer, 'verifying');
    expect(await officer.getByTestId('case-note').first().textContent()).toContain('调取任务报送记录');

    await officer.getByTestId('case-handle').click();
    // The disposal is required: the dialog refuses without it.
    await officer.getByTestId('case-disposal-text').fill(DISPOSAL);
    await officer.getByTestId('case-handle-ok').click();
    await officer.getByText('请填写处置方式').waitFor();
    await pickOption(officer, 'case-disposal', '谈话提醒');
    await officer.getByTestId('case-handle-ok').click();
    await atStatus(officer, 'handled');
    expect(await officer.getByTestId('case-disposal-kind').textContent()).toBe('谈话提醒');
    expect(await officer.getByTestId('case-disposal-card').textContent()).toContain(DISPOSAL);
    expect(await officer.getByTestId('case-close').isVisible()).toBe(true);
    await shot(officer, '/tmp/e2e-oversight-case.png', { fullPage: true });

    // Back on the watch, the row names its case instead of offering another.
    await officer.goto('/oversight/watch');
    await officer.locator(`[data-testid=watch-item][data-id="${taskId}"] [data-testid=watch-case]`).waitFor();

    // The list shows it with 遏增清存 above.
    await officer.goto('/oversight/cases');
    await officer.locator(`[data-testid=case-row][data-id="${casePath.split('/').pop()}"][data-status=handled]`).waitFor();
    await officer.getByTestId('figures-opened').waitFor();
    await shot(officer, '/tmp/e2e-oversight-list.png', { fullPage: true });

    // A leader: the case's address is the 404 page, the list's too, and there is no menu entry.
    const leader = await as('leader');
    await leader.goto(casePath);
    await leader.getByText('页面不存在').waitFor();
    expect(await leader.content()).not.toContain(TASK_TITLE);
    await leader.goto('/oversight/cases');
    await leader.getByText('页面不存在').waitFor();
    expect(await leader.locator('.ant-menu').textContent()).not.toContain('问题线索');
  });

  it('takes a public complaint filed on a 375 px phone with no login, with a photo, which only oversight finds as a case', async () => {
    const enterprise = `辽河新材料有限公司（测试${stamp}）`;
    const { page } = await newPage(browser, base, { phone: true });
    await page.goto('/public/complaint');
    await page.locator('#enterprise').fill(enterprise);
    await page.locator('#contactPerson').fill('王经理');
    await page.locator('#contact').fill('13800138000');
    await page.getByText('信用环境').click();
    await page.locator('#description').fill('信用修复申请提交一个多月仍未办理，影响参加投标。');
    // A photo goes with it; a page of markup called .jpg is refused on the spot, by its bytes.
    const picker = page.locator('[data-testid=complaint-form] input[type=file]');
    await picker.setInputFiles({ name: '伪装.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await page.getByText('“伪装.jpg”不是图片（JPG、PNG）或 PDF 文件，未添加').waitFor();
    await picker.setInputFiles({ name: '窗口公告.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.ant-upload-list-item', { hasText: '窗口公告.png' }).waitFor();
    expect(await page.locator('.ant-upload-list-item').count()).toBe(1);
    const listed = (await page.locator('.ant-upload-list-item').boundingBox())!;
    expect(listed.x + listed.width).toBeLessThanOrEqual(375);
    await shot(page, '/tmp/e2e-complaint-form.png', { fullPage: true });
    // The honeypot is off-screen, out of the tab order: people never fill it in.
    const trap = (await page.locator('#website').boundingBox())!;
    expect(trap.x + trap.width).toBeLessThanOrEqual(0);
    expect(await page.locator('#website').getAttribute('tabindex')).toBe('-1');
    await page.getByTestId('complaint-submit').click();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const box = (await page.getByTestId('tracking-code').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await shot(page, '/tmp/e2e-complaint-filed.png', { fullPage: true });
    await page.getByTestId('complaint-view-status').click();
    await page.locator('[data-testid=complaint-status][data-status=received]').waitFor();

    const officer = await as('oversight');
    await officer.goto(`/oversight/cases?source=complaint&q=${encodeURIComponent(stamp)}`);
    await officer.getByTestId('case-link').first().click();
    expect(await officer.getByTestId('complaint-enterprise').textContent()).toBe(enterprise);
    const file = officer.getByTestId('complaint-file');
    expect(await file.textContent()).toContain('窗口公告.png');
    const got = await officer.request.get(new URL((await file.getAttribute('href'))!, base).toString());
    expect([got.status(), got.headers()['content-type']]).toEqual([200, 'image/png']);
    expect(Buffer.from(await got.body()).equals(PHOTO)).toBe(true);
    await shot(officer, '/tmp/e2e-complaint-case.png', { fullPage: true });
  });
});
