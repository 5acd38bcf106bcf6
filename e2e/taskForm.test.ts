// The HQ office breaks a plan down in Chromium: a new task under a plan, an edit, and a subtask
// with a recurring deadline; each lands on its page, and the page's history says what was done.
// A liaison gets none of these buttons, and a code already taken is refused on its field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyLines, launch, pickOption, signedInPages, textOf } from './browser.js';
import { e2eDay } from './clock.js';
import { serverBase } from './base.js';

const base = serverBase();
const stamp = Date.now().toString(36);
let browser: Browser;
let page: Page;
let taskUrl = '';

const as = signedInPages(() => browser, base);

beforeAll(async () => {
  browser = await launch();
  page = await as('hq_office');
});
afterAll(async () => {
  await browser?.close();
});

const history = () => historyLines(page);

describe('the HQ office keeps the task tree', () => {
  it('creates a task under a plan, edits it, and adds a subtask with a recurring deadline', async () => {
    await page.goto('/tasks');
    await page.getByTestId('task-new').click();
    await page.getByTestId('task-form-code').waitFor();
    await pickOption(page, 'task-form-plan', '工业振兴专项行动方案');
    await page.getByTestId('task-form-code').fill(`E2E-K-${stamp}`);
    await page.getByTestId('task-form-title').fill('培育专精特新企业');
    await pickOption(page, 'task-form-lead', '建设街道');
    await page.getByTestId('task-form-deadline').click();
    await page.getByTestId('task-form-deadline').fill('2027-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('modal-ok').click();

    await page.getByTestId('task-page').waitFor();
    await expect.poll(() => textOf(page, 'task-title')).toBe('培育专精特新企业');
    expect(await page.getByTestId('task-page').textContent()).toContain('2027-06-30');
    await expect.poll(history).toEqual([expect.stringMatching(/^创建 指挥部办公室主任 · /)]);
    taskUrl = page.url();

    await page.getByTestId('task-edit').click();
    await page.getByTestId('task-form-title').fill('培育专精特新“小巨人”企业');
    await page.getByTestId('modal-ok').click();
    await expect.poll(() => textOf(page, 'task-title')).toBe('培育专精特新“小巨人”企业');
    await expect.poll(async () => (await history())[0]).toMatch(/^修改了名称 指挥部办公室主任 · /);

    await page.getByTestId('task-add-child').click();
    await page.getByTestId('task-form-code').fill(`E2E-K-${stamp}.1`);
    await page.getByTestId('task-form-title').fill('建设街道摸排企业名单');
    await page.getByTestId('task-form-deadline-kind').getByText('周期性').click();
    await page.getByTestId('modal-ok').click();
    await page.waitForURL((u) => u.href !== taskUrl && u.pathname.startsWith('/tasks/'));
    await expect.poll(() => textOf(page, 'task-title')).toBe('建设街道摸排企业名单');
    // Under its parent in the tree, due by the 10th of every month.
    expect(await page.locator('.ant-breadcrumb').textContent()).toContain(`E2E-K-${stamp}`);
    expect(await page.getByTestId('task-page').textContent()).toContain('每月10日前');
  });

  it('keeps what the user typed when the form’s choices arrive after it', async () => {
    const slow = await as('hq_office');
    // The plans for the picker come 1.5 s late, as on a busy server: the form renders again then.
    let answered = false;
    await slow.route(/\/api\/plans\?/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
      answered = true;
    });
    await slow.goto(taskUrl);
    await slow.getByTestId('task-edit').click();
    await slow.getByTestId('task-form-title').fill('培育专精特新“小巨人”企业（修订）');
    await expect.poll(() => answered, { timeout: 10_000 }).toBe(true);
    await slow.waitForTimeout(300);
    expect(await slow.getByTestId('task-form-title').inputValue()).toBe('培育专精特新“小巨人”企业（修订）');
    await slow.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it('sets a milestone: overdue it turns the light red with its reason; done, the reason goes; removed, the history says so', async () => {
    await page.goto(taskUrl);
    await page.getByTestId('task-page').waitFor();
    const fillDate = async (testId: string, date: string) => {
      await page.getByTestId(testId).click();
      await page.getByTestId(testId).fill(date);
      await page.keyboard.press('Enter');
    };
    const tenDaysAgo = e2eDay(-10);
    await page.getByTestId('milestone-add').click();
    await page.getByTestId('milestone-name').fill('完成企业摸底');
    await fillDate('milestone-due', tenDaysAgo);
    await page.getByTestId('modal-ok').click();
    await page.getByTestId('milestone-line').filter({ hasText: '完成企业摸底' }).waitFor();
    await page.locator('[data-testid=item-light][data-light=red]').waitFor();
    expect(await textOf(page, 'item-light-reasons')).toMatch(/节点“完成企业摸底”逾期\d+个工作日/);
    await expect.poll(async () => (await history())[0]).toMatch(/^新增节点“完成企业摸底” 指挥部办公室主任 · /);

    await page.getByTestId('milestone-edit').click();
    await fillDate('milestone-done', e2eDay());
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await page.getByTestId('milestone-line').innerText()).includes('完成')).toBe(true);
    await expect.poll(() => textOf(page, 'item-light-reasons')).not.toContain('完成企业摸底');
    await expect.poll(async () => (await history())[0]).toMatch(/^修改节点“完成企业摸底”/);

    await page.getByTestId('milestone-remove').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('milestone-line').count()).toBe(0);
    await expect.poll(async () => (await history())[0]).toMatch(/^删除节点“完成企业摸底”/);
  });

  it('refuses a code already taken on its field, and gives a liaison none of these buttons', async () => {
    await page.goto('/tasks');
    await page.getByTestId('task-new').click();
    await pickOption(page, 'task-form-plan', '工业振兴专项行动方案');
    await page.getByTestId('task-form-code').fill(`E2E-K-${stamp}`);
    await page.getByTestId('task-form-title').fill('重复编号的任务');
    await page.getByTestId('task-form-deadline').click();
    await page.getByTestId('task-form-deadline').fill('2027-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('modal-ok').click();
    await expect.poll(async () => (await page.locator('.ant-form-item-has-error').allInnerTexts()).join(' ')).toContain(`编号已存在：E2E-K-${stamp}`);

    const liaison = await as('liaison');
    await liaison.goto('/tasks');
    await liaison.getByTestId('task-table').locator('.ant-table-row').first().waitFor();
    expect(await liaison.getByTestId('task-new').count()).toBe(0);
    await liaison.getByTestId('task-table').locator('.ant-table-row a').first().click();
    await liaison.getByTestId('task-page').waitFor();
    expect(await liaison.getByTestId('task-edit').count()).toBe(0);
    expect(await liaison.getByTestId('task-add-child').count()).toBe(0);
    expect(await liaison.getByTestId('milestone-add').count()).toBe(0);
  });
});
