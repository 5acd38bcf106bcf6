// 书面说明 and 履约践诺 in a browser (issue 22 item 8): a complaint filed in public becomes a case;
// the oversight account asks 建设街道 from the case for a written response; the street's liaison
// finds it on the home page, writes the answer with a promise and saves the draft; its head signs
// and sends it; the oversight account reads the answer and the promise on the case page, and the
// promise is on the ledger. The unit's pages never name the case.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pickOption, signedInPages } from './browser.js';
import { serverBase } from './base.js';
import { e2eDay } from './clock.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const ENTERPRISE = `辽河新材料有限公司（说明测试${stamp}）`;
const ASK = `请说明项目周边道路围挡占用厂区出入口的施工安排和通行保障措施（测试${stamp}）`;
const PROMISE = `三个工作日内调整围挡，恢复厂区出入口通行（测试${stamp}）`;

const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  const res = await fetch(`${base}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ enterprise: ENTERPRISE, contactPerson: '王经理', contact: '13800138000', environment: 'government_service', unitName: '建设街道', description: '道路施工围挡长期占用厂区出入口，多次反映未解决。' }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

describe('a written response from a complaint’s case, answered by the unit with a promise', () => {
  it('asks, drafts, signs and sends, and oversight reads the answer', async () => {
    const officer = await as('oversight');
    await officer.goto(`/oversight/cases?source=complaint&q=${encodeURIComponent(stamp)}`);
    await officer.getByTestId('case-link').first().click();
    await officer.getByTestId('case-requests').waitFor();
    const casePath = new URL(officer.url()).pathname;
    const caseId = casePath.split('/').pop()!;
    await officer.getByTestId('case-request-ask').click();
    await pickOption(officer, 'case-request-unit', '建设街道');
    await officer.getByTestId('case-request-text').fill(ASK);
    await officer.getByTestId('case-request-enterprise').fill(ENTERPRISE);
    await officer.getByTestId('case-request-ok').click();
    await officer.locator('[data-testid=case-request][data-status=requested]').filter({ hasText: ASK }).waitFor();
    await shot(officer, '/tmp/e2e-promise-asked.png', { fullPage: true });

    // The liaison finds it from the home card and drafts the answer with a promise.
    const liaison = await as('liaison');
    await liaison.goto('/');
    await liaison.getByTestId('home-requests').getByRole('link', { name: '书面说明', exact: true }).click();
    await liaison.getByTestId('response-request-link').filter({ hasText: stamp }).first().click();
    await liaison.getByTestId('answer-form').waitFor();
    expect(await liaison.getByTestId('request-text').textContent()).toBe(ASK);
    expect(await liaison.getByTestId('answer-send').count()).toBe(0);
    await liaison.getByTestId('answer-input').fill('经核查，围挡系雨污分流工程施工所设，已协调施工单位调整。');
    await liaison.getByTestId('promise-add').click();
    await liaison.getByTestId('promise-content').fill(PROMISE);
    // antd puts the test id on the picker's input itself.
    const day = liaison.locator('input[data-testid=promise-deadline], [data-testid=promise-deadline] input').first();
    await day.click();
    await day.fill(e2eDay(7));
    await liaison.keyboard.press('Enter');
    await liaison.getByTestId('answer-draft').click();
    await liaison.locator('[data-testid=response-request-page][data-status=drafted]').waitFor();
    const requestPath = new URL(liaison.url()).pathname;
    // Nothing on the unit's page names the case.
    expect(await liaison.content()).not.toContain(caseId);
    await shot(liaison, '/tmp/e2e-promise-draft.png', { fullPage: true });

    // The head signs and sends it.
    const head = await as('unit_head');
    await head.goto(requestPath);
    expect(await head.getByTestId('promise-content').inputValue()).toBe(PROMISE);
    await head.getByTestId('answer-send').click();
    await head.getByTestId('answer-send-confirm').click();
    await head.locator('[data-testid=response-request-page][data-status=answered]').waitFor();
    expect(await head.getByTestId('answer-view').textContent()).toContain(PROMISE);

    // Oversight reads the answer and its promise on the case page; the promise is on the ledger.
    await officer.goto(casePath);
    const answered = officer.locator('[data-testid=case-request][data-status=answered]').filter({ hasText: ASK });
    await answered.waitFor();
    expect(await answered.getByTestId('answer-text').textContent()).toContain('已协调施工单位调整');
    expect(await answered.getByTestId('answer-promise').textContent()).toContain(PROMISE);
    expect(await answered.getByTestId('promise-state').getAttribute('data-state')).toBe('pending');
    await shot(officer, '/tmp/e2e-promise-answered.png', { fullPage: true });
    await officer.goto('/promises');
    await officer.getByTestId('promise-row').filter({ hasText: PROMISE }).waitFor();
    await shot(officer, '/tmp/e2e-promise-ledger.png', { fullPage: true });
  });
});
