// A blocker (堵点) in a browser, from raising to resolution: the liaison raises it inside a progress
// report on the task; the task force escalates it twice (unit → task force → HQ), after which it is
// no longer the task force's to handle; the HQ office resolves it with a resolution text. At each
// step the blocker's level and status show on the task page, and the HQ desk's open-blocker counts
// by level follow. The task is made through the API first (as the HQ office), so the test does not
// depend on the demo's work data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { launch, signedInPages, textOf } from './browser.js';
import { e2eDay } from './clock.js';

const base = inject('base');
let browser: Browser;
let taskId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进化工园区污水管网建设（测试${stamp}）`;
const BLOCKER_TITLE = `管网穿越铁路需协调审批（测试${stamp}）`;
const BLOCKER_DETAIL = '穿越段涉及铁路部门审批，单位层面无法协调。';
const RESOLUTION = '已由指挥部协调铁路部门，同意按顶管方案施工';

interface Listed {
  data: { id: string; code: string }[];
}

/** The plan (owned by the demo task force's body) and the task led by the liaison's unit. */
async function makeTask(): Promise<string> {
  const hq = await apiLogin(base, 'hq_office');
  const [units, bodies, programs] = await Promise.all([hq.get<Listed>('/api/units'), hq.get<Listed>('/api/bodies'), hq.get<Listed>('/api/programs')]);
  const today = e2eDay();
  const year = Number(today.slice(0, 4));
  const plan = await hq.post<{ data: { id: string } }>('/api/plans', {
    programId: programs.data[0]!.id,
    kind: 'special',
    code: `E2E-B-${stamp}`,
    title: '工业振兴专项行动方案（堵点测试）',
    taskForceId: bodies.data.find((b) => b.code === 'tf_industry')!.id,
  });
  const task = await hq.post<{ data: { id: string; units: { version: number }[] } }>('/api/tasks', {
    planId: plan.data.id,
    code: `E2E-B-${stamp}-1`,
    title: TASK_TITLE,
    leadUnitId: units.data.find((u) => u.code === 'jianshe')!.id,
    startDate: today,
    deadlineKind: 'date',
    deadline: `${year + 1}-12-31`,
    reportPeriod: 'monthly',
  });
  // A unit's report goes up only once its claim is approved: the liaison claims, the head approves.
  const claimed = await (await apiLogin(base, 'liaison')).post<{ data: { units: { version: number }[] } }>(`/api/tasks/${task.data.id}/claim`, {
    version: task.data.units[0]!.version,
    measures: '逐项排查，按月报送',
  });
  await (await apiLogin(base, 'unit_head')).post(`/api/tasks/${task.data.id}/claim/approve`, { version: claimed.data.units[0]!.version });
  return task.data.id;
}

const as = signedInPages(() => browser, base);

/** The test's blocker on the page, once it shows this level and status. */
const blockerAt = (page: Page, level: string, status: string) =>
  page.locator(`[data-testid=blocker][data-level=${level}][data-status=${status}]`, { hasText: BLOCKER_TITLE });

/** Opens the task's page and waits for the blocker in this level and status; gives back its row. */
async function onTaskPage(page: Page, level: string, status: string) {
  await page.goto(`/tasks/${taskId}`);
  await page.getByTestId('task-page').waitFor();
  const row = blockerAt(page, level, status);
  await row.waitFor();
  return row;
}

/** The labels a user reads on the blocker's row: status and level tags. */
async function tagsOf(row: ReturnType<typeof blockerAt>) {
  return [(await row.getByTestId('blocker-status').textContent())?.trim(), (await row.getByTestId('blocker-level').textContent())?.trim()];
}

/** The HQ desk's open-blocker count for one level (its label, e.g. 指挥部). */
async function openCount(page: Page, label: string): Promise<number> {
  const stat = page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${label}$`) }) });
  return Number((await stat.locator('.ant-statistic-content-value').textContent())?.replace(/,/g, ''));
}

beforeAll(async () => {
  [browser, taskId] = await Promise.all([launch(), makeTask()]);
});
afterAll(async () => {
  await browser?.close();
});

describe('raise in a report → escalate → escalate → resolve', () => {
  it('shows the level, the status and the resolution at each step, on the task page and the HQ desk', async () => {
    // The HQ desk before: how many open blockers sit at unit and HQ level.
    const hq = await as('hq_office');
    await hq.goto('/work/hq');
    await hq.getByTestId('hq-desk').waitFor();
    const unitBefore = await openCount(hq, '单位层面');
    const hqBefore = await openCount(hq, '指挥部');

    // The liaison files a report on the task from its page, raising a blocker in it, and submits.
    const liaison = await as('liaison');
    await liaison.goto(`/tasks/${taskId}`);
    await liaison.getByTestId('task-report').click();
    await liaison.getByTestId('report-new').waitFor();
    await liaison.getByTestId('report-percent').fill('20');
    await liaison.getByTestId('report-text').fill('管网主体施工进行中，穿越铁路段受阻。');
    await liaison.getByTestId('blocker-add').click();
    await liaison.getByTestId('blocker-title').fill(BLOCKER_TITLE);
    await liaison.getByPlaceholder('具体情况').fill(BLOCKER_DETAIL);
    await liaison.getByTestId('report-submit').click();
    await liaison.locator('[data-testid=report-status][data-status=submitted]').waitFor();
    const reportPath = new URL(liaison.url()).pathname;
    // The report shows it, open at unit level; the liaison may neither escalate nor resolve it.
    const inReport = blockerAt(liaison, 'unit', 'open');
    await inReport.waitFor();
    expect(await tagsOf(inReport)).toEqual(['未解决', '单位层面']);
    expect(await inReport.getByTestId('blocker-status').getAttribute('class')).toContain('ant-tag-volcano');
    expect(await inReport.textContent()).toContain(BLOCKER_DETAIL);
    const onTask = await onTaskPage(liaison, 'unit', 'open');
    expect(await tagsOf(onTask)).toEqual(['未解决', '单位层面']);
    expect(await onTask.getByTestId('blocker-escalate').count()).toBe(0);
    expect(await onTask.getByTestId('blocker-resolve').count()).toBe(0);

    // The task force (the plan's) escalates it to its own level, then on to the HQ office.
    const tf = await as('task_force');
    let row = await onTaskPage(tf, 'unit', 'open');
    await row.getByTestId('blocker-escalate').click();
    row = blockerAt(tf, 'task_force', 'open');
    await row.waitFor();
    expect(await tagsOf(row)).toEqual(['未解决', '专项推进组']);
    await row.getByTestId('blocker-escalate').click();
    row = blockerAt(tf, 'hq', 'open');
    await row.waitFor();
    expect(await tagsOf(row)).toEqual(['未解决', '指挥部']);
    // At HQ level it is no longer the task force's to escalate or resolve: the buttons go.
    await expect.poll(() => row.getByRole('button').count()).toBe(0);
    await tf.screenshot({ path: '/tmp/e2e-blocker-at-hq.png' });

    // The HQ office: the task page shows it at HQ level, and the desk counts it there, no longer at unit level.
    row = await onTaskPage(hq, 'hq', 'open');
    expect(await tagsOf(row)).toEqual(['未解决', '指挥部']);
    await hq.getByTestId('menu-hqDesk').click();
    await hq.getByTestId('hq-desk').waitFor();
    await expect.poll(() => openCount(hq, '指挥部')).toBe(hqBefore + 1);
    expect(await openCount(hq, '单位层面')).toBe(unitBefore);

    // The desk lists it among the blockers waiting for HQ, naming its task; the HQ office resolves it there.
    const onDesk = hq.getByTestId('hq-blockers').locator('[data-testid=blocker][data-level=hq][data-status=open]', { hasText: BLOCKER_TITLE });
    await onDesk.waitFor();
    expect(await onDesk.getByTestId('blocker-item').textContent()).toBe(TASK_TITLE);
    await onDesk.getByTestId('blocker-resolve').click();
    const ok = hq.getByTestId('blocker-resolve-ok');
    await expect.poll(() => ok.isDisabled()).toBe(true);
    await hq.getByTestId('blocker-resolution-input').fill(RESOLUTION);
    await hq.screenshot({ path: '/tmp/e2e-blocker-desk.png' });
    await ok.click();
    // Resolved, it leaves the desk's list and its count at once.
    await onDesk.waitFor({ state: 'detached' });
    await expect.poll(() => openCount(hq, '指挥部')).toBe(hqBefore);

    // The task page shows it resolved, with the resolution and the date, and no buttons.
    const resolved = await onTaskPage(hq, 'hq', 'resolved');
    expect(await tagsOf(resolved)).toEqual(['已解决', '指挥部']);
    expect(await resolved.getByTestId('blocker-status').getAttribute('class')).toContain('ant-tag-green');
    const today = e2eDay();
    expect(await resolved.getByTestId('blocker-resolution').textContent()).toBe(`${today} 办结：${RESOLUTION}`);
    expect(await resolved.getByRole('button').count()).toBe(0);
    await hq.screenshot({ path: '/tmp/e2e-blocker-resolved.png' });

    // The liaison sees the outcome on the task page and in the report.
    row = await onTaskPage(liaison, 'hq', 'resolved');
    expect(await tagsOf(row)).toEqual(['已解决', '指挥部']);
    expect(await textOf(liaison, 'blocker-resolution')).toContain(RESOLUTION);
    await liaison.goto(reportPath);
    await blockerAt(liaison, 'hq', 'resolved').getByTestId('blocker-resolution').waitFor();
  });
});

describe('raise directly on the task page', () => {
  it('lets the lead unit raise a blocker from the task page; it shows there at unit level and the task force may act on it', async () => {
    const title = `施工临时用地审批未办结（测试${stamp}）`;
    const hq = await as('hq_office');
    await hq.goto(`/tasks/${taskId}`);
    await hq.getByTestId('task-page').waitFor();
    // The HQ office answers for no unit's tasks: it handles blockers but does not raise them.
    await hq.getByTestId('item-light').waitFor();
    expect(await hq.getByTestId('blocker-raise').count()).toBe(0);

    const liaison = await as('liaison');
    await liaison.goto(`/tasks/${taskId}`);
    await liaison.getByTestId('blocker-raise').click();
    // The modal's root carries the test id; its dialog is what shows.
    const modal = liaison.locator('[data-testid=blocker-raise-modal] .ant-modal');
    await liaison.getByTestId('blocker-raise-title').waitFor();
    // Without a title the form says what is missing and sends nothing.
    await liaison.getByTestId('modal-ok').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '问题' }).waitFor();
    await liaison.screenshot({ path: '/tmp/e2e-blocker-raise.png' });
    await liaison.getByTestId('blocker-raise-title').fill(title);
    await liaison.getByTestId('blocker-raise-detail').fill('用地预审已报区自然资源局，尚未批复。');
    await liaison.getByTestId('modal-ok').click();
    await liaison.getByTestId('blocker-raise-title').waitFor({ state: 'detached' });
    const row = liaison.locator('[data-testid=blocker][data-level=unit][data-status=open]', { hasText: title });
    await row.waitFor();
    expect(await tagsOf(row)).toEqual(['未解决', '单位层面']);
    expect(await row.getByRole('button').count()).toBe(0);

    // The plan's task force sees it on the task page with its buttons.
    const tf = await as('task_force');
    await tf.goto(`/tasks/${taskId}`);
    const atTf = tf.locator('[data-testid=blocker][data-level=unit][data-status=open]', { hasText: title });
    await atTf.getByTestId('blocker-resolve').waitFor();
  });
});

