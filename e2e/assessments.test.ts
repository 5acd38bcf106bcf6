// 考核 in a browser (issue 23, its assessment half): the assessor computes the demo district's last
// ended quarter for the streets and towns and publishes it; the 建设街道 liaison opens the street's
// breakdown from 考核结果, sees its rank and the gap to the unit above, and appeals; the assessor
// finds the appeal in the queue and upholds it, corrects the street's 领导评价 and recomputes and
// republishes from the appeal; the liaison reads the reply; a visitor with no login, on a phone,
// finds the street's new score on the public portal, and the assessor's scheme keeps the appealed
// revision as history.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const REASON = `第二个月报告因系统停机顺延，申请复核（测试${Date.now().toString(36)}）`;
const as = signedInPages(() => browser, base);
const STREET = '建设街道';

/** The street's line in the portal's ranking of the streets and towns, as a visitor on a 375 × 812 phone reads it. */
async function portalLine() {
  const { page } = await newPage(browser, base, { phone: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${base}/public#rankings`);
  const ranking = page.locator('#rankings .ranking').filter({ hasText: '街道（镇）' });
  const line = ranking.locator('li').filter({ hasText: STREET });
  await line.waitFor();
  const read = async () => ({ rank: await line.locator('.rank').innerText(), score: await line.locator('.score').innerText(), period: await ranking.locator('h3 small').innerText() });
  return { page, read };
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an assessment published, explained to a unit, appealed and decided', () => {
  it('computes and publishes, the unit reads its breakdown and appeals, the assessor upholds it and republishes, the portal shows the new ranking on a phone', async () => {
    const assessor = await as('assessor');
    await assessor.goto('/assessments');
    const card = assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' });
    // The demo's 领导评价 of the quarter are there to read before computing.
    await card.getByTestId('scheme-adjustments').click();
    await assessor.getByTestId('adjustments').locator('tbody tr').first().waitFor();
    await shot(assessor, '/tmp/e2e-assessment-adjustments.png');
    await assessor.keyboard.press('Escape');
    await card.getByTestId('scheme-compute').click();
    await assessor.locator('[data-testid=result-status]').filter({ hasText: '已计算未发布' }).waitFor();
    await assessor.getByTestId('result-total').first().waitFor();
    expect(await assessor.getByTestId('result-total').count()).toBeGreaterThan(3);
    await assessor.goto('/assessments');
    await assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' }).getByTestId('scheme-publish').click();
    await assessor.locator('[data-testid=result-status]').filter({ hasText: '已发布' }).waitFor();
    expect(await assessor.getByTestId('honour').filter({ hasText: '骏马奖' }).count()).toBeGreaterThan(0);
    await shot(assessor, '/tmp/e2e-assessment-result.png', { fullPage: true });

    const liaison = await as('liaison');
    await liaison.goto('/work/assessments');
    await liaison.getByTestId('my-result-link').first().click();
    await liaison.getByTestId('breakdown-indicator').first().waitFor();
    expect(await liaison.getByTestId('breakdown-indicator').count()).toBe(8);
    expect(await liaison.getByTestId('breakdown-above').textContent()).toMatch(/相差|位列第一/);
    await liaison.getByTestId('appeal-open').click();
    await liaison.getByTestId('appeal-reason').fill(REASON);
    // 佐证材料: a photo of the outage notice, uploaded as it is picked and filed with the appeal.
    await liaison.locator('[data-testid=appeal-evidence] input[type=file]').first().setInputFiles({ name: '停机通知.png', mimeType: 'image/png', buffer: readFileSync(new URL('../demo/fixtures/site.png', import.meta.url)) });
    await liaison.locator('[data-testid=appeal-evidence] .ant-upload-list-item-done').first().waitFor({ timeout: 60_000 });
    await shot(liaison, '/tmp/e2e-assessment-appeal-form.png');
    await liaison.getByTestId('appeal-form').getByTestId('modal-ok').click();
    await liaison.getByTestId('appeal-filed').waitFor();
    await shot(liaison, '/tmp/e2e-assessment-breakdown.png', { fullPage: true });

    const before = await (await portalLine()).read();

    await assessor.goto('/assessments/appeals');
    const row = assessor.locator('tr').filter({ hasText: REASON });
    // The assessor opens the evidence the unit filed: the file itself, not a 404.
    const evidenceHref = await row.getByTestId('appeal-evidence-link').getAttribute('href');
    expect((await assessor.request.get(base + evidenceHref!)).status()).toBe(200);
    await row.getByTestId('appeal-decide').click();
    await assessor.getByTestId('decide-form').getByText('申诉成立').click();
    await assessor.getByTestId('decide-reply').fill('经核实停机通知属实，申诉成立，更正领导评价后重新计算发布。');
    await assessor.getByTestId('decide-form').getByTestId('modal-ok').click();
    await row.getByTestId('appeal-status').filter({ hasText: '申诉成立' }).waitFor();

    // The correction the appeal asks for: the street's 领导评价 of the quarter, now 100 (the demo gives at most 95).
    await assessor.goto('/assessments');
    const streets = assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' });
    await streets.getByTestId('scheme-adjustments').click();
    await assessor.getByTestId('adjustment-new').click();
    const form = assessor.getByTestId('adjustment-form');
    await form.locator('.ant-select').first().click();
    await assessor.keyboard.type(STREET);
    await assessor.locator('.ant-select-item-option', { hasText: STREET }).first().click();
    await form.locator('input[id$=points]').fill('100');
    await form.locator('textarea').fill('申诉成立，更正本季度领导评价');
    await form.getByTestId('modal-ok').click();
    await assessor.getByTestId('adjustments').locator('tr').filter({ hasText: '更正本季度领导评价' }).waitFor();
    await assessor.keyboard.press('Escape');

    // 重新计算并发布 from the upheld appeal: the new revision opens, published.
    await assessor.goto('/assessments/appeals');
    await row.getByTestId('appeal-republish').click();
    await assessor.getByTestId('republish-ok').click();
    await assessor.getByTestId('result-page').waitFor();
    await assessor.locator('[data-testid=result-status]').filter({ hasText: '已发布' }).waitFor();
    const republished = assessor.locator('tr').filter({ hasText: STREET });
    const total = await republished.getByTestId('result-total').innerText();
    expect(total).not.toBe(before.score);
    await shot(assessor, '/tmp/e2e-assessment-republished.png', { fullPage: true });
    await assessor.goto('/assessments/appeals');
    await row.getByTestId('appeal-republished').waitFor();

    // The assessor's scheme keeps the appealed revision, superseded, beneath the republished one.
    await assessor.goto('/assessments');
    const revisions = assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' }).getByTestId('result-revision');
    // Newest first: the republished revision, then the one the street appealed against.
    await expect.poll(async () => (await revisions.allInnerTexts()).slice(0, 2)).toEqual([expect.stringMatching(/版次 \d+\s+已发布/), expect.stringMatching(/版次 \d+\s+已被重新发布取代/)]);
    await shot(assessor, '/tmp/e2e-assessment-history.png', { fullPage: true });

    await liaison.goto('/work/assessments');
    await liaison.getByTestId('my-appeals').locator('tr').filter({ hasText: REASON }).getByTestId('my-appeal-status').filter({ hasText: '申诉成立' }).waitFor();

    // A visitor, no login, on a phone: the street's score is the republished one.
    const portal = await portalLine();
    const after = await portal.read();
    expect(after.score).toBe(total);
    expect(after.score).not.toBe(before.score);
    expect(after.period).toBe(before.period);
    expect(await portal.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(portal.page, '/tmp/e2e-portal-republished-375.png', { fullPage: true });
  });
});
