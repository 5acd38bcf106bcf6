// 推进总览 in Chromium, as the leading group's head (who has no workbench of his own): the lights of
// all tasks, targets and projects as the lists count them, the same rolled up per plan and per unit
// as the server rolls them up, and a unit that opens the task list filtered to its tasks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type ApiSession } from './apiSession.js';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let page: Page;
let leader: ApiSession;

type Counts = Record<string, number>;
interface Rollup {
  data: { id: string; code: string; name: string; light: string; counts: Counts }[];
}
const total = (c: Counts) => Object.values(c).reduce((s, n) => s + n, 0);

beforeAll(async () => {
  browser = await launch();
  page = (await newPage(browser, base)).page;
  leader = await apiLogin(base, 'leader');
  await submitLogin(page, 'leader');
  await atPath(page, '/');
});
afterAll(async () => {
  await browser?.close();
});

/** The rollup table as the user sees it: each row's group name, worst light and red count. */
async function tableRows() {
  const table = page.getByTestId('overview-table');
  await table.locator('.ant-table-row').first().waitFor();
  return table.locator('.ant-table-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('td:nth-child(2)')?.textContent?.trim() ?? '',
      light: tr.querySelector('[data-light]')?.getAttribute('data-light') ?? null,
      red: Number(tr.querySelector('[data-testid=overview-count-red]')?.textContent ?? 'NaN'),
    })),
  );
}

describe('推进总览', () => {
  it('is in the leader’s menu, counts every light as the lists do, and rolls them up per plan as the server does', async () => {
    await page.getByRole('menuitem', { name: '推进总览' }).click();
    await atPath(page, '/overview');
    for (const kind of ['tasks', 'targets', 'projects']) {
      const { counts } = await leader.get<{ counts: Counts }>(`/api/${kind}?perPage=1`);
      const tags = page.getByTestId(`overview-${kind.slice(0, -1)}-lights`);
      for (const light of ['red', 'yellow', 'green']) {
        await expect.poll(async () => Number(await tags.getByTestId(`overview-${kind.slice(0, -1)}-lights-${light}`).locator('strong').textContent())).toBe(counts[light] ?? 0);
      }
    }

    const plans = await leader.get<Rollup>('/api/lights/rollup?by=plan');
    const shown = plans.data.filter((p) => total(p.counts) > 0);
    expect(shown.length).toBeGreaterThan(5);
    const rows = await tableRows();
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...rows].sort(byName)).toEqual(shown.map((p) => ({ name: `${p.code} ${p.name}`, light: p.light, red: p.counts.red ?? 0 })).sort(byName));
    // Worst first by default: red plans before yellow before green, the most reds first (issue 17 item 9).
    const rank = ['red', 'yellow', 'green', 'done', 'not_started'];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(rank.indexOf(a.light ?? '') < rank.indexOf(b.light ?? '') || (a.light === b.light && a.red >= b.red), `${a.name} before ${b.name}`).toBe(true);
    }
    // A plan with a red item is red, whatever else it holds: the worst light leads.
    const withRed = shown.find((p) => (p.counts.red ?? 0) > 0)!;
    expect(withRed.light).toBe('red');
  });

  it('rolls up per unit, only the units that have targets when narrowed to targets, and opens a unit’s task list', async () => {
    await page.getByTestId('overview-by').getByText('按单位').click();
    await page.waitForURL((u) => u.searchParams.get('by') === 'unit');
    const units = await leader.get<Rollup>('/api/lights/rollup?by=unit');
    const withItems = units.data.filter((u) => total(u.counts) > 0);
    await expect.poll(async () => (await tableRows()).map((r) => r.name).sort()).toEqual(withItems.map((u) => u.name).sort());
    const hidden = units.data.length - withItems.length;
    if (hidden > 0) expect(await page.getByTestId('overview-hidden').textContent()).toBe(`另有 ${hidden} 个单位无相关事项，未列出。`);

    // Targets only: each unit's count is of the targets it supplies data for.
    await page.getByTestId('overview-item').getByText('目标指标').click();
    await page.waitForURL((u) => u.searchParams.get('item') === 'target');
    const targets = await leader.get<Rollup>('/api/lights/rollup?by=unit&item=target');
    const suppliers = targets.data.filter((u) => total(u.counts) > 0);
    expect(suppliers.length).toBeLessThan(withItems.length);
    await expect.poll(async () => (await tableRows()).map((r) => r.name).sort()).toEqual(suppliers.map((u) => u.name).sort());

    // Back to all items; 建设街道's name opens the task list filtered to its tasks.
    await page.getByTestId('overview-item').getByText('全部事项').click();
    // Click only once the table shows all items again: a click before that opened the unit's targets.
    await page.waitForURL((u) => u.searchParams.get('item') === null);
    await expect.poll(async () => (await tableRows()).map((r) => r.name).sort()).toEqual(withItems.map((u) => u.name).sort());
    const jianshe = withItems.find((u) => u.name === '建设街道')!;
    await page.getByTestId('overview-table').getByRole('link', { name: '建设街道', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/tasks' && u.searchParams.get('unit') === jianshe.id);
    // As many tasks as the roll-up counted for the unit (as lead or supporting unit), every one in the list.
    const taskRollup = await leader.get<Rollup>('/api/lights/rollup?by=unit&item=task');
    const counted = total(taskRollup.data.find((u) => u.id === jianshe.id)!.counts);
    const tasks = await leader.get<{ page: { total: number } }>(`/api/tasks?unit=${jianshe.id}&perPage=1`);
    expect(tasks.page.total).toBe(counted);
    expect(counted).toBeLessThanOrEqual(20);
    await expect.poll(() => page.getByTestId('task-table').locator('.ant-table-row').count()).toBe(counted);
    await shot(page, '/tmp/e2e-overview-unit-tasks.png');
  });
});
