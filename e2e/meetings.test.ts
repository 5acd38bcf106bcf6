// A leading-group meeting in a browser (issue 21 item 6): the HQ office creates it, hears the
// industry task force (its status frozen into the agenda and the pack), approves a plan under
// review, records a decision for 建设街道 that is tracked with a light (a rest-day deadline is
// refused on its field), downloads the pack, and issues the minutes, after which nothing can be
// changed; 建设街道's liaison finds the decision among the orders it has to answer. The page also
// fits a 375 px phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../server/testing/docxText.js';
import { apiLogin } from './apiSession.js';
import { serverBase } from './base.js';
import { launch, newPage, pickOption, signedInPages, submitLogin, atPath, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { deadlines, pickDay, shootWhole, shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
const stamp = Date.now().toString(36);
const MEETING = `领导小组第六次会议（测试${stamp}）`;
const HEARING = '听取工业振兴专项推进组工作汇报';
const PLAN = `营商环境优化提升专项行动方案（审议测试${stamp}）`;
const DECISION = `年底前完成征拆交地（测试${stamp}）`;
const MINUTES = '会议听取了工业振兴专项推进组工作汇报，审议通过了营商环境优化提升专项行动方案。';
const as = signedInPages(() => browser, base);

interface Listed {
  data: { id: string; code: string }[];
}
interface Detail {
  data: { agenda: { kind: string; snapshot: { counts: Record<'red' | 'yellow' | 'green' | 'done' | 'not_started', number> } | null }[] };
}

/** A plan of the industry task force, submitted for review by the office (a meeting reviews only those). */
async function planUnderReview(code: string, title: string): Promise<string> {
  const hq = await apiLogin(base, 'hq_office');
  const [bodies, programs] = await Promise.all([hq.get<Listed>('/api/bodies'), hq.get<Listed>('/api/programs')]);
  const plan = await hq.post<{ data: { id: string; version: number } }>('/api/plans', {
    programId: programs.data[0]!.id,
    kind: 'special',
    code,
    title,
    taskForceId: bodies.data.find((b) => b.code === 'tf_industry')!.id,
  });
  await hq.post(`/api/plans/${plan.data.id}/submit`, { version: plan.data.version });
  return plan.data.id;
}

beforeAll(async () => {
  [browser] = await Promise.all([launch(), planUnderReview(`E2E-MT-${stamp}`, PLAN)]);
});
afterAll(async () => {
  await browser?.close();
});

describe('a leading-group meeting', () => {
  it('hears a task force, approves a plan, records a tracked decision, and issues its minutes', async () => {
    const hq = await as('hq_office');
    await hq.goto('/meetings');
    await hq.getByTestId('meeting-new').click();
    await hq.getByTestId('meeting-title').waitFor();
    await pickOption(hq, 'meeting-kind', '领导小组会议');
    await hq.getByTestId('meeting-title').fill(MEETING);
    await hq.getByTestId('meeting-place').fill('区政府三楼会议室');
    await hq.getByTestId('meeting-attendees').fill('领导小组组长、副组长，各成员单位主要负责同志');
    await pickOption(hq, 'meeting-units', '建设街道');
    await hq.keyboard.press('Escape');
    await hq.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await hq.getByTestId('meeting-submit').click();

    await hq.getByTestId('meeting-page').waitFor();
    await expect.poll(() => textOf(hq, 'meeting-page-title')).toBe(MEETING);
    expect(await hq.getByTestId('meeting-status').getAttribute('data-status')).toBe('open');
    expect(await textOf(hq, 'meeting-facts')).toContain('建设街道');
    const meetingId = new URL(hq.url()).pathname.split('/').pop()!;

    // 听取汇报: the task force's status, frozen as it is added.
    await hq.getByTestId('agenda-add').click();
    await hq.getByTestId('agenda-title').waitFor();
    await hq.getByTestId('agenda-title').fill(HEARING);
    await pickOption(hq, 'agenda-body', '工业振兴专项推进组');
    await hq.getByTestId('agenda-submit').click();
    const hearing = hq.locator('[data-testid=agenda-item][data-kind=hearing]');
    await hearing.getByTestId('agenda-snapshot-counts').waitFor();
    const office = await apiLogin(base, 'hq_office');
    const counts = (await office.get<Detail>(`/api/meetings/${meetingId}`)).data.agenda[0]!.snapshot!.counts;
    expect(Object.values(counts).reduce((a, b) => a + b, 0), 'the industry task force has items to report on').toBeGreaterThan(0);
    const shown = await hearing.getByTestId('agenda-snapshot-counts').innerText();
    for (const [label, n] of [['红灯', counts.red], ['黄灯', counts.yellow], ['绿灯', counts.green], ['已完成', counts.done], ['未开始', counts.not_started]] as const) {
      expect(shown.replace(/\s+/g, ' ')).toContain(`${label} ${n}`);
    }
    expect(await hearing.getByTestId('agenda-snapshot-at').innerText()).toContain(`状态截至 ${e2eDay()}`);
    expect(await hearing.innerText()).toContain('一、');
    if (counts.red + counts.yellow > 0) expect(await hearing.getByTestId('agenda-snapshot-item').count()).toBeGreaterThan(0);

    // 审议: the plan under review, approved by the meeting.
    await hq.getByTestId('agenda-add').click();
    await hq.getByTestId('agenda-title').waitFor();
    await pickOption(hq, 'agenda-kind', '审议');
    await hq.getByTestId('agenda-title').fill('审议营商环境优化提升专项行动方案');
    await pickOption(hq, 'agenda-plan', PLAN);
    await hq.getByTestId('agenda-submit').click();
    const review = hq.locator('[data-testid=agenda-item][data-kind=review]');
    await review.getByTestId('agenda-approve').click();
    await hq.getByTestId('agenda-approve-ok').click();
    await review.getByTestId('agenda-outcome').filter({ hasText: '审议通过' }).waitFor();
    expect(await review.getByTestId('plan-status').innerText()).toBe('已批准');
    expect(await review.getByTestId('agenda-approve').count()).toBe(0);

    // 议定事项: a rest day is refused on its field; a workday goes out with a light.
    const { restDay, workday } = deadlines();
    await hq.getByTestId('decision-add').click();
    await hq.getByTestId('decision-content').waitFor();
    await hq.getByTestId('decision-content').fill(DECISION);
    await pickOption(hq, 'decision-units', '建设街道');
    await hq.keyboard.press('Escape');
    await hq.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await pickDay(hq, 'decision-deadline', restDay);
    await hq.getByTestId('decision-submit').click();
    const fieldError = hq.getByTestId('decision-form').locator('.ant-form-item-explain-error', { hasText: '不是工作日' });
    await fieldError.waitFor();
    await pickDay(hq, 'decision-deadline', workday);
    await hq.getByTestId('decision-submit').click();
    const row = hq.getByTestId('decision-row').filter({ hasText: DECISION });
    await row.waitFor();
    expect(await row.innerText()).toContain('建设街道');
    expect(await row.innerText()).toContain(workday);
    expect(await row.innerText()).toContain('已答复 0/1');
    expect(await row.getByTestId('decision-light').getAttribute('data-light')).toBe('green');

    // The minutes' text, saved.
    await hq.getByTestId('meeting-minutes-text').fill(MINUTES);
    await hq.getByTestId('meeting-minutes-save').click();
    await hq.locator('.ant-message-success', { hasText: '纪要已保存' }).waitFor();
    // The picture once the notices of what was saved have gone (they would cover the header).
    await expect.poll(() => hq.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await shootWhole(hq, '/tmp/e2e-meeting-1280.png');

    // The pack holds the agenda and the status heard.
    const href = (await hq.getByTestId('meeting-pack').getAttribute('href'))!;
    const res = await hq.request.get(href);
    expect(res.status()).toBe(200);
    const pack = await docxText(await res.body());
    expect(pack).toContain(MEETING);
    expect(pack).toContain(`一、听取汇报：${HEARING}`);
    expect(pack).toContain(`红灯 ${counts.red} 项、黄灯 ${counts.yellow} 项、绿灯 ${counts.green} 项、已完成 ${counts.done} 项、未开始 ${counts.not_started} 项`);
    expect(pack).toContain('二、审议：审议营商环境优化提升专项行动方案');

    // On a phone the page stacks and fits the screen.
    const { page: phone } = await newPage(browser, base, { phone: true });
    await submitLogin(phone, 'hq_office');
    await atPath(phone, '/');
    await phone.goto(`/meetings/${meetingId}`);
    await phone.locator('[data-testid=agenda-item][data-kind=hearing] [data-testid=agenda-snapshot-counts]').waitFor();
    await phone.getByTestId('meeting-decisions').getByText(DECISION).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shootWhole(phone, '/tmp/e2e-meeting-375.png');
    await phone.context().close();

    // 印发纪要: closed, and nothing more can be changed.
    await hq.getByTestId('meeting-close').click();
    await hq.getByTestId('meeting-close-ok').click();
    await hq.locator('[data-testid=meeting-status][data-status=closed]').waitFor();
    expect(await textOf(hq, 'meeting-status')).toBe('已印发纪要');
    for (const control of ['meeting-close', 'meeting-edit', 'agenda-add', 'decision-add', 'agenda-snapshot-refresh', 'meeting-minutes-text']) {
      expect(await hq.getByTestId(control).count(), control).toBe(0);
    }
    expect(await textOf(hq, 'meeting-minutes-read')).toBe(MINUTES);

    // The list shows it with its counts.
    await hq.goto('/meetings');
    const listed = hq.locator('.ant-table-row', { hasText: MEETING });
    await listed.waitFor();
    expect((await listed.innerText()).replace(/\s+/g, ' ')).toMatch(/已印发纪要 2 1/);
    await shot(hq, '.tmp/meetings-list-1280.png');
    // A search by a word nobody used empties the list; the address keeps it.
    await hq.getByTestId('meeting-search').locator('input').fill('并无此会');
    await hq.getByTestId('meeting-search').locator('input').press('Enter');
    await hq.waitForURL(/q=/);
    await hq.locator('.ant-table-placeholder').waitFor();
    expect(await hq.locator('.ant-table-row', { hasText: MEETING }).count()).toBe(0);

    // 建设街道's liaison has the decision among the orders to answer.
    const liaison = await as('liaison');
    await liaison.goto('/work/unit');
    const line = liaison.getByTestId('wb-dispatch-line').filter({ hasText: MEETING });
    await line.waitFor();
    expect(await line.innerText()).toContain('议定事项');
  });

  it('sends a plan back with the reason the meeting gives, and asks for one', async () => {
    const title = `乡村振兴专项行动方案（退回测试${stamp}）`;
    const hqApi = await apiLogin(base, 'hq_office');
    const planId = await planUnderReview(`E2E-MR-${stamp}`, title);
    const meeting = await hqApi.post<{ data: { id: string } }>('/api/meetings', { kind: 'leading_group', title: `领导小组专题会议（测试${stamp}）`, heldOn: e2eDay() });
    await hqApi.post(`/api/meetings/${meeting.data.id}/agenda`, { kind: 'review', title: '审议乡村振兴专项行动方案', planId });

    const hq = await as('hq_office');
    await hq.goto(`/meetings/${meeting.data.id}`);
    const review = hq.locator('[data-testid=agenda-item][data-kind=review]');
    await review.getByTestId('agenda-return').click();
    // No reason, no return.
    expect(await hq.getByTestId('agenda-return-ok').isDisabled()).toBe(true);
    await hq.getByTestId('agenda-return-reason').fill('请补充资金测算和分年度目标');
    await hq.getByTestId('agenda-return-ok').click();
    await review.getByTestId('agenda-outcome').filter({ hasText: '退回修改' }).waitFor();
    expect(await review.getByTestId('plan-status').innerText()).toBe('草稿');
    expect(await review.getByTestId('agenda-note').innerText()).toContain('请补充资金测算和分年度目标');
    // On record: the item stays on the agenda.
    expect(await review.getByTestId('agenda-delete').count()).toBe(0);
  });
});
