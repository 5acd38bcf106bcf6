// A blocker (堵点) in a browser, to the end (issue 21 item 3): the liaison raises it inside a progress
// report on the task and takes it up to the task force; the task force escalates it to the HQ, the HQ
// office to the leading group; the leader gives it (交办) to 区自然资源局 with a due date; that unit's
// liaison reports it solved; the raising unit verifies it and it is closed. At each step the
// blocker's level and status show where its users look (task page, HQ desk, leader's desk, unit
// workbenches), the HQ desk's counts follow, and the task's light names it until it is solved. The task is made through the API first (as the HQ office), so the test does not
// depend on the demo's work data.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { launch, pickOption, signedInPages } from './browser.js';
import { e2eDay } from './clock.js';
import { makeJiansheTask } from './workSetup.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let taskId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进化工园区污水管网建设（测试${stamp}）`;
const BLOCKER_TITLE = `管网穿越铁路需协调审批（测试${stamp}）`;
const BLOCKER_DETAIL = '穿越段涉及铁路部门审批，单位层面无法协调。';
const DECISION = '由区自然资源局牵头协调铁路部门，按顶管方案办理穿越审批';
const RESOLUTION = '已与铁路部门签订穿越协议，同意按顶管方案施工';
const RESOLVER = '区自然资源局';
const RESOLVER_LIAISON = 'liaison_natural_resources';

/** The task led by the liaison's unit, claimed by it and the claim approved. */
async function makeTask(): Promise<string> {
  const task = await makeJiansheTask(base, `E2E-B-${stamp}`, '工业振兴专项行动方案（堵点测试）', TASK_TITLE);
  // A unit's report goes up only once its claim is approved: the liaison claims, the head approves.
  const claimed = await (await apiLogin(base, 'liaison')).post<{ data: { units: { version: number }[] } }>(`/api/tasks/${task.id}/claim`, {
    version: task.units[0]!.version,
    measures: '逐项排查，按月报送',
  });
  await (await apiLogin(base, 'unit_head')).post(`/api/tasks/${task.id}/claim/approve`, { version: claimed.data.units[0]!.version });
  return task.id;
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

describe('raise in a report → escalate to the leading group → the leader assigns → the resolver resolves → the raiser verifies', () => {
  it('shows the level, the status and what was done at each step, where each user looks', async () => {
    // The HQ desk before: how many open blockers sit at unit and HQ level.
    const hq = await as('hq_office');
    await hq.goto('/work/hq');
    await hq.getByTestId('hq-desk').waitFor();
    // The tracked items to chase: the demo's 批示 past its deadline with no reply comes first, red.
    const chase = hq.getByTestId('hq-to-chase-line').first();
    await chase.waitFor();
    expect(await chase.locator('[data-light]').first().getAttribute('data-light')).toBe('red');
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
    // The report shows it, waiting at unit level.
    const inReport = blockerAt(liaison, 'unit', 'open');
    await inReport.waitFor();
    expect(await tagsOf(inReport)).toEqual(['待处理', '单位层面']);
    expect(await inReport.getByTestId('blocker-status').getAttribute('class')).toContain('ant-tag-volcano');
    expect(await inReport.textContent()).toContain(BLOCKER_DETAIL);

    // On the task page the light says what holds the task back; the raising unit may take it up to
    // the task force itself, and decides nothing.
    let row = await onTaskPage(liaison, 'unit', 'open');
    await expect.poll(async () => (await liaison.getByTestId('item-light-reasons').textContent()) ?? '').toContain(`有1个堵点尚未解决：“${BLOCKER_TITLE}”（单位层面）`);
    expect(await row.getByTestId('blocker-decide').count()).toBe(0);
    await row.getByTestId('blocker-escalate').click();
    row = blockerAt(liaison, 'task_force', 'open');
    await row.waitFor();
    await expect.poll(() => row.getByRole('button').count()).toBe(0);

    // The plan's task force takes it on to the HQ office, after which it is no longer the task force's.
    const tf = await as('task_force');
    row = await onTaskPage(tf, 'task_force', 'open');
    expect(await tagsOf(row)).toEqual(['待处理', '专项推进组']);
    await row.getByTestId('blocker-escalate').click();
    row = blockerAt(tf, 'hq', 'open');
    await row.waitFor();
    await expect.poll(() => row.getByRole('button').count()).toBe(0);

    // The HQ desk counts it at HQ level, lists it naming its task, and the office escalates it to the leading group.
    row = await onTaskPage(hq, 'hq', 'open');
    expect(await tagsOf(row)).toEqual(['待处理', '指挥部']);
    await hq.getByTestId('menu-hqDesk').click();
    await hq.getByTestId('hq-desk').waitFor();
    await expect.poll(() => openCount(hq, '指挥部')).toBe(hqBefore + 1);
    expect(await openCount(hq, '单位层面')).toBe(unitBefore);
    const onDesk = hq.getByTestId('hq-blockers').locator('[data-testid=blocker][data-level=hq][data-status=open]', { hasText: BLOCKER_TITLE });
    await onDesk.waitFor();
    expect(await onDesk.getByTestId('blocker-item').textContent()).toBe(TASK_TITLE);
    await shot(hq, '/tmp/e2e-blocker-desk.png');
    await onDesk.getByTestId('blocker-escalate').click();
    await onDesk.waitFor({ state: 'detached' });
    await expect.poll(() => openCount(hq, '指挥部')).toBe(hqBefore);

    // The leader finds it among the decisions waiting and gives it to 区自然资源局, due in three weeks.
    const leader = await as('leader');
    await leader.goto('/');
    const waiting = leader.getByTestId('leader-decisions').locator('[data-testid=blocker][data-level=leading_group][data-status=open]', { hasText: BLOCKER_TITLE });
    await waiting.waitFor();
    await waiting.getByTestId('blocker-assign').click();
    const ok = leader.getByTestId('blocker-dialog-ok').locator('visible=true');
    await expect.poll(() => ok.isDisabled()).toBe(true);
    await pickOption(leader, 'blocker-resolver', RESOLVER);
    const due = e2eDay(21);
    await leader.getByTestId('blocker-due').click();
    await leader.getByTestId('blocker-due').fill(due);
    await leader.keyboard.press('Enter');
    await leader.getByTestId('blocker-text-input').locator('visible=true').fill(DECISION);
    await shot(leader, '/tmp/e2e-blocker-assign.png');
    await ok.click();
    await waiting.waitFor({ state: 'detached' });

    // The resolver unit's liaison finds it on the workbench, given to the unit with the leader's words, and reports it solved.
    const resolver = await as(RESOLVER_LIAISON);
    await resolver.goto('/work/unit');
    const given = resolver.getByTestId('wb-blockersToResolve').locator('[data-testid=blocker][data-status=assigned]', { hasText: BLOCKER_TITLE });
    await given.waitFor();
    expect(await given.getByTestId('blocker-assigned').textContent()).toBe(`交办${RESOLVER}，${due}前办结：${DECISION}`);
    expect(await tagsOf(given)).toEqual(['办理中', '领导小组']);
    await given.getByTestId('blocker-resolve').click();
    await resolver.getByTestId('blocker-text-input').locator('visible=true').fill(RESOLUTION);
    await resolver.getByTestId('blocker-dialog-ok').locator('visible=true').click();
    await given.waitFor({ state: 'detached' });

    // The raising unit verifies it from its workbench: closed, with the resolution, and no buttons left.
    await liaison.goto('/work/unit');
    const toVerify = liaison.getByTestId('wb-blockersToVerify').locator('[data-testid=blocker][data-status=resolved]', { hasText: BLOCKER_TITLE });
    await toVerify.waitFor();
    expect(await toVerify.getByTestId('blocker-resolution').textContent()).toBe(`${e2eDay()} 办理结果：${RESOLUTION}`);
    await shot(liaison, '/tmp/e2e-blocker-verify.png', { fullPage: true });
    await toVerify.getByTestId('blocker-verify').click();
    await liaison.getByTestId('blocker-verify-ok').click();
    await toVerify.waitFor({ state: 'detached' });

    const closed = await onTaskPage(liaison, 'leading_group', 'closed');
    expect(await tagsOf(closed)).toEqual(['已办结', '领导小组']);
    expect(await closed.getByTestId('blocker-status').getAttribute('class')).toContain('ant-tag-green');
    expect(await closed.getByRole('button').count()).toBe(0);
    await expect.poll(async () => (await liaison.getByTestId('item-light-reasons').textContent()) ?? '').not.toContain('堵点尚未解决');
    await shot(liaison, '/tmp/e2e-blocker-closed.png');
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
    await shot(liaison, '/tmp/e2e-blocker-raise.png');
    await liaison.getByTestId('blocker-raise-title').fill(title);
    await liaison.getByTestId('blocker-raise-detail').fill('用地预审已报区自然资源局，尚未批复。');
    await liaison.getByTestId('modal-ok').click();
    await liaison.getByTestId('blocker-raise-title').waitFor({ state: 'detached' });
    const row = liaison.locator('[data-testid=blocker][data-level=unit][data-status=open]', { hasText: title });
    await row.waitFor();
    expect(await tagsOf(row)).toEqual(['待处理', '单位层面']);
    // The raising unit may only take it up to the task force (the buttons come with the blocker's
    // policies, read after the row shows: wait for them, then no other may be there).
    await row.getByTestId('blocker-escalate').waitFor();
    expect(await row.getByRole('button').allTextContents()).toEqual(['上报上一级']);

    // The plan's task force sees it on the task page with its buttons.
    const tf = await as('task_force');
    await tf.goto(`/tasks/${taskId}`);
    const atTf = tf.locator('[data-testid=blocker][data-level=unit][data-status=open]', { hasText: title });
    await atTf.getByTestId('blocker-assign').waitFor();
  });
});

describe('the HQ desk as a workbook', () => {
  it('downloads the desk’s lists as one workbook, a sheet per list, the blockers at HQ among them', async () => {
    const hq = await as('hq_office');
    await hq.goto('/work/hq');
    await hq.getByTestId('hq-desk').waitFor();
    await hq.getByTestId('hq-blockers').getByTestId('blocker').first().waitFor();
    const shownBlockers = await hq.getByTestId('hq-blockers').getByTestId('blocker').count();
    const download = hq.waitForEvent('download');
    await hq.getByTestId('hq-desk-export').click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await download).path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['待验收报送', '逾期未认领', '指挥部待协调卡点', '待催办', '待复核']);
    const blockers = wb.getWorksheet('指挥部待协调卡点')!;
    expect(blockers.getRow(3).getCell(2).text).toBe('堵点');
    expect(blockers.actualRowCount - 3).toBeGreaterThanOrEqual(shownBlockers);
  });
});
