// 领导批示 in a browser (issue 21 item 4): the leader writes an instruction on a task's page; the
// lead unit's liaison finds it on the same page, and on the workbench's orders to answer, and
// replies; the leader sees the reply under the instruction, where it was written.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signedInPages, textOf } from './browser.js';
import { serverBase } from './base.js';
import { apiLogin } from './apiSession.js';
import { makeJiansheTask } from './workSetup.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let taskId = '';
const stamp = Date.now().toString(36);
const TASK_TITLE = `推进燃气管网更新（批示测试${stamp}）`;
const INSTRUCTION = '请加快进度，月底前完成主体施工，有困难及时报指挥部。';
const REPLY = '已增派两个施工班组，月底前完成主体。';
const as = signedInPages(() => browser, base);

beforeAll(async () => {
  let task: { id: string };
  [browser, task] = await Promise.all([launch(), makeJiansheTask(base, `E2E-PS-${stamp}`, '城市更新专项行动方案（批示测试）', TASK_TITLE)]);
  taskId = task.id;
});
afterAll(async () => {
  await browser?.close();
});

describe('a leader’s instruction, tracked to reply', () => {
  it('is written on a task, answered by its unit, and read back under the instruction', async () => {
    const leader = await as('leader');
    await leader.goto(`/tasks/${taskId}`);
    await leader.getByTestId('instruction-new').click();
    await leader.getByTestId('instruction-content-input').fill(INSTRUCTION);
    await leader.getByTestId('instruction-ok').click();
    const written = leader.getByTestId('instruction').filter({ hasText: INSTRUCTION });
    await written.waitFor();
    // Sent to the task's lead unit, nobody has replied yet.
    expect(await written.getByTestId('instruction-reply').getAttribute('data-status')).toBe('pending');
    expect(await written.innerText()).toContain('建设街道');

    // The liaison sees it among the orders to answer, and replies on the task's page.
    const liaison = await as('liaison');
    await liaison.goto('/work/unit');
    await liaison.getByTestId('wb-dispatch-line').filter({ hasText: TASK_TITLE }).waitFor();
    await liaison.goto(`/tasks/${taskId}`);
    const mine = liaison.getByTestId('instruction').filter({ hasText: INSTRUCTION });
    await mine.getByTestId('instruction-reply-open').click();
    await liaison.getByTestId('dispatch-answer').fill(REPLY);
    await liaison.getByTestId('dispatch-reply-submit').click();
    await mine.locator('[data-testid=instruction-reply][data-status=replied]').waitFor();

    // The leader reads the reply where the instruction was written.
    await leader.reload();
    const answered = leader.getByTestId('instruction').filter({ hasText: INSTRUCTION });
    await answered.locator('[data-testid=instruction-reply][data-status=replied]').waitFor();
    expect(await answered.innerText()).toContain(REPLY);
    expect(await textOf(leader, 'instructions')).toContain('已答复 1/1');
    await shot(leader.getByTestId('instructions'), '.tmp/instructions-task-1280.png');

    // The leader's 批示 in one list: the orders page narrowed to them, with who wrote what.
    await leader.goto('/dispatches');
    await leader.getByTestId('dispatch-kind-filter').getByText('领导批示').click();
    await leader.waitForURL((u) => u.searchParams.get('kind') === 'instruction');
    const listed = leader.locator('.ant-table-row', { hasText: TASK_TITLE });
    await listed.waitFor();
    await shot(leader, '.tmp/instructions-list-1280.png');
    expect(await listed.innerText()).toContain(INSTRUCTION.slice(0, 8));
    expect(await listed.innerText()).toContain('已答复 1/1');
    await listed.getByTestId('dispatch-link').click();
    await leader.getByTestId('dispatch-subject').click();
    await leader.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
  });

  it('is written on a blocker from the blocker list, and reaches the unit that raised it', async () => {
    const BLOCKER = `施工用地未交付（批示测试${stamp}）`;
    const liaisonApi = await apiLogin(base, 'liaison');
    await liaisonApi.post('/api/blockers', { itemType: 'task', itemId: taskId, title: BLOCKER });
    const leader = await as('leader');
    await leader.goto('/blockers');
    const row = leader.locator('[data-testid=blocker]', { hasText: BLOCKER });
    await row.getByTestId('blocker-instruct').click();
    await leader.getByTestId('instruction-content-input').fill('请区自然资源局本周内协调交地');
    await leader.getByTestId('instruction-ok').click();
    await leader.locator('.ant-message-success', { hasText: '批示已送达' }).waitFor();
    // It waits for the raising unit's reply among the orders to answer.
    const liaison = await as('liaison');
    await liaison.goto('/work/unit');
    await liaison.getByTestId('wb-dispatch-line').filter({ hasText: BLOCKER }).waitFor();
  });
});
