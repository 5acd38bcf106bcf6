// 宣传 in a browser (issue 23, publicity half): the publicist generates last month's 简报 from its
// facts, adds a paragraph in the editor (and a script, which never comes back), saves and submits it;
// the HQ office publishes it; the public portal at 375 px, with no login, lists it and opens it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { serverBase } from './base.js';
import { launch, newPage, signedInPages } from './browser.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const ADDED = `下一步，各单位要对标年度目标查漏补缺（测试${stamp}）。`;
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a generated 简报', () => {
  it('is written from the month’s facts, edited, published and read on the public portal on a phone', async () => {
    const publicist = await as('publicist');
    await publicist.goto('/articles');
    await publicist.getByTestId('briefing-new').click();
    await publicist.getByTestId('briefing-new-period').first().waitFor();
    await publicist.getByTestId('modal-ok').click();
    await publicist.getByTestId('article-page').waitFor();
    const id = publicist.url().split('/').pop()!;
    const editor = publicist.getByTestId('article-editor');
    await expect.poll(() => editor.innerText()).toContain('审核通过工作进展报送');
    // The demo's published assessment quarter, ranked in the draft.
    expect(await editor.innerText()).toMatch(/第1名 \S+，[\d.]+分，(优秀|良好|一般|较差)/);

    const title = `推进工作简报（测试${stamp}）`;
    await publicist.getByTestId('article-title').fill(title);
    // The editor's own content: the end of the body, then a new paragraph typed there.
    await editor.click();
    await publicist.keyboard.press('Control+End');
    await publicist.keyboard.press('Enter');
    await publicist.keyboard.type(ADDED);
    await editor.evaluate((el) => {
      el.insertAdjacentHTML('beforeend', '<p onclick="alert(1)">结束</p><script>alert(2)</script>');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await publicist.getByTestId('article-save').click();
    await publicist.locator('.ant-message-success', { hasText: '草稿已保存' }).waitFor();
    await publicist.getByTestId('article-submit').click();
    await expect.poll(() => publicist.getByTestId('article-page').getAttribute('data-status')).toBe('review');

    // The HQ office publishes it (its own review is the editor's subject; here it is one step).
    const hq = await apiLogin(base, 'hq_office');
    const { data: article } = await hq.get<{ data: { version: number; content: string } }>(`/api/articles/${id}`);
    expect(article.content).toContain(ADDED);
    expect(article.content).not.toMatch(/onclick|<script/);
    await hq.post(`/api/articles/${id}/approve`, { version: article.version });

    // The portal, signed in as nobody, on a phone.
    const { page } = await newPage(browser, base, { phone: true });
    await page.goto(`${base}/public`);
    const link = page.locator('.articles a', { hasText: title });
    await link.waitFor();
    const rankings = await page.locator('#rankings').innerText();
    expect(rankings).toContain('街道（镇）');
    expect(rankings).toContain('红榜');
    expect(rankings).toContain('黑榜');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, '/tmp/e2e-portal-375.png', { fullPage: true });
    // English on request, remembered; the rankings' words too. Then back to Chinese.
    await page.getByTestId('portal-lang').click();
    await page.locator('#rankings h2', { hasText: 'Assessment rankings' }).waitFor();
    expect(await page.locator('#rankings').innerText()).toMatch(/Streets and towns · Q[1-4] \d{4}/);
    expect(await page.locator('#rankings').innerText()).toContain('Honour roll');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, '/tmp/e2e-portal-375-en.png', { fullPage: true });
    await page.reload();
    await page.locator('#news h2', { hasText: 'News' }).waitFor();
    await page.getByTestId('portal-lang').click();
    await page.locator('#rankings h2', { hasText: '考核排名' }).waitFor();
    await link.click();
    await page.locator('.article h1', { hasText: title }).waitFor();
    expect(await page.locator('.article .body').innerText()).toContain(ADDED);
    expect(await page.locator('.article .body').innerHTML()).not.toMatch(/onclick|<script/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, '/tmp/e2e-portal-briefing-375.png', { fullPage: true });
  });
});
