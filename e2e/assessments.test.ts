// 考核 in a browser (issue 23, its assessment half): the assessor computes the demo district's first
// quarter for the streets and towns and publishes it; the 建设街道 liaison opens the street's
// breakdown from 考核结果, sees its rank and the gap to the unit above, and appeals; the assessor
// finds the appeal in the queue and decides it; the liaison reads the reply.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signedInPages } from './browser.js';
import { serverBase } from './base.js';

const base = serverBase();
let browser: Browser;
const REASON = `第二个月报告因系统停机顺延，申请复核（测试${Date.now().toString(36)}）`;
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an assessment published, explained to a unit, appealed and decided', () => {
  it('computes and publishes, the unit reads its breakdown and appeals, the assessor decides', async () => {
    const assessor = await as('assessor');
    await assessor.goto('/assessments');
    const card = assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' });
    // The demo's 领导评价 of the quarter are there to read before computing.
    await card.getByTestId('scheme-adjustments').click();
    await assessor.getByTestId('adjustments').locator('tbody tr').first().waitFor();
    await assessor.screenshot({ path: '/tmp/e2e-assessment-adjustments.png' });
    await assessor.keyboard.press('Escape');
    await card.getByTestId('scheme-compute').click();
    await assessor.locator('[data-testid=result-status]').filter({ hasText: '已计算未发布' }).waitFor();
    await assessor.getByTestId('result-total').first().waitFor();
    expect(await assessor.getByTestId('result-total').count()).toBeGreaterThan(3);
    await assessor.goto('/assessments');
    await assessor.getByTestId('scheme-card').filter({ hasText: '街道（镇）' }).getByTestId('scheme-publish').click();
    await assessor.locator('[data-testid=result-status]').filter({ hasText: '已发布' }).waitFor();
    expect(await assessor.getByTestId('honour').filter({ hasText: '骏马奖' }).count()).toBeGreaterThan(0);
    await assessor.screenshot({ path: '/tmp/e2e-assessment-result.png', fullPage: true });

    const liaison = await as('liaison');
    await liaison.goto('/work/assessments');
    await liaison.getByTestId('my-result-link').first().click();
    await liaison.getByTestId('breakdown-indicator').first().waitFor();
    expect(await liaison.getByTestId('breakdown-indicator').count()).toBe(8);
    expect(await liaison.getByTestId('breakdown-above').textContent()).toMatch(/相差|位列第一/);
    await liaison.getByTestId('appeal-open').click();
    await liaison.getByTestId('appeal-reason').fill(REASON);
    await liaison.getByTestId('appeal-form').getByTestId('modal-ok').click();
    await liaison.getByTestId('appeal-filed').waitFor();
    await liaison.screenshot({ path: '/tmp/e2e-assessment-breakdown.png', fullPage: true });

    await assessor.goto('/assessments/appeals');
    const row = assessor.locator('tr').filter({ hasText: REASON });
    await row.getByTestId('appeal-decide').click();
    await assessor.getByTestId('decide-reply').fill('经核实停机通知属实，申诉成立，已重新计算。');
    await assessor.getByTestId('decide-form').getByTestId('modal-ok').click();
    await row.getByTestId('appeal-status').filter({ hasText: '维持原结果' }).waitFor();

    await liaison.goto('/work/assessments');
    await liaison.getByTestId('my-appeals').locator('tr').filter({ hasText: REASON }).getByTestId('my-appeal-status').filter({ hasText: '维持原结果' }).waitFor();
  });
});
