// The HQ office's task list in Chromium: the light tabs count what the server counts, a tab filters
// the table to its light, a keyword narrows it, and the deadline column sorts it — each reflected in
// the address, so a filtered list can be bookmarked or sent on.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let page: Page;

interface TaskList {
  data: { id: string; code: string; title: string; light: string; nextDue: string | null }[];
  page: { total: number };
  counts: Record<string, number>;
}

beforeAll(async () => {
  browser = await launch();
  page = (await newPage(browser, base)).page;
  await submitLogin(page, 'hq_office');
});
afterAll(async () => {
  await browser?.close();
});

/** The table's rows as the user sees them: each row's light and its task's link text. */
async function rows(): Promise<{ light: string | null; title: string }[]> {
  const table = page.getByTestId('task-table');
  await table.locator('.ant-table-row').first().waitFor();
  return table.locator('.ant-table-row').evaluateAll((trs) =>
    trs.map((tr) => ({ light: tr.querySelector('[data-light]')?.getAttribute('data-light') ?? null, title: tr.querySelector('a')?.textContent?.trim() ?? '' })),
  );
}

/** The number on one light's tab. */
const tabCount = async (light: string) => Number((await page.getByTestId(`light-counts-${light}`).locator('strong').textContent()) ?? 'NaN');

describe('HQ task list', () => {
  it('counts by light as the server does, filters by a tab and a keyword, and sorts by deadline', async () => {
    const hq = await apiLogin(base, 'hq_office');
    const all = await hq.get<TaskList>('/api/tasks?perPage=20');
    expect(all.page.total).toBeGreaterThan(20);

    await page.goto('/tasks');
    await page.getByTestId('task-table').waitFor();
    // The tabs show 0 until the list's reply arrives: wait for the server's number (a wrong one still fails after the wait).
    for (const light of ['red', 'yellow', 'green', 'done', 'not_started']) await expect.poll(() => tabCount(light)).toBe(all.counts[light] ?? 0);

    // The red tab: only red rows, as many as the tab says (up to a page), and the address says so.
    const reds = all.counts.red ?? 0;
    expect(reds).toBeGreaterThan(0);
    await page.getByTestId('light-counts-red').click();
    await page.waitForURL((u) => u.searchParams.get('light') === 'red');
    await expect.poll(async () => (await rows()).every((r) => r.light === 'red')).toBe(true);
    const redRows = await rows();
    expect(redRows.length).toBe(Math.min(reds, redRows.length));
    const apiReds = await hq.get<TaskList>(`/api/tasks?light=red&perPage=${redRows.length}`);
    expect(apiReds.page.total).toBe(reds);

    // A keyword from one red task's title narrows the list to the tasks whose title or code holds it.
    const keyword = [...redRows[0]!.title].slice(0, 4).join('');
    await page.getByTestId('filter-q').locator('input').fill(keyword);
    await page.getByTestId('filter-q').locator('input').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === keyword);
    const searched = await hq.get<TaskList>(`/api/tasks?light=red&q=${encodeURIComponent(keyword)}&perPage=50`);
    await expect.poll(async () => (await rows()).length).toBe(Math.min(searched.page.total, 50));
    expect((await rows()).every((r) => r.light === 'red')).toBe(true);
    expect((await rows()).map((r) => r.title).sort()).toEqual(searched.data.map((t) => t.title).sort());

    // Clear the keyword and the tab, then sort by deadline: the first rows are the server's, soonest first.
    await page.goto('/tasks');
    await page.getByTestId('task-table').getByRole('columnheader', { name: '期限' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'deadline');
    const byDeadline = await hq.get<TaskList>('/api/tasks?sort=deadline&order=asc&perPage=5');
    const dues = byDeadline.data.map((t) => t.nextDue).filter((d): d is string => d !== null);
    expect([...dues].sort()).toEqual(dues);
    await expect.poll(async () => (await rows()).slice(0, 5).map((r) => r.title)).toEqual(byDeadline.data.map((t) => t.title));
    await shot(page, '/tmp/e2e-task-list.png');
  });

  it('keeps to the open tasks when asked, without the done tab, as the server does', async () => {
    const hq = await apiLogin(base, 'hq_office');
    const open = await hq.get<TaskList>('/api/tasks?status=open&perPage=20');
    expect(open.counts.done ?? 0).toBe(0);
    await page.goto('/tasks');
    await page.getByTestId('filter-status').click();
    await page.getByTitle('未完成').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'open');
    await expect.poll(() => tabCount('done')).toBe(0);
    await expect.poll(() => tabCount('red')).toBe(open.counts.red ?? 0);
    expect((await rows()).every((r) => r.light !== 'done')).toBe(true);
    await shot(page, '.tmp/task-list-open.png');
  });
});
