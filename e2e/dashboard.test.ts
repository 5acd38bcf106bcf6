// The leading group's dashboard (领导驾驶舱) in Chromium at 1280 px and on a 375 px phone: the panels
// draw from one API reply, their numbers agree with it, a blocker bar opens the blockers at that
// level, an overdue line opens its item, the period switch changes what "in the period" covers, and
// nothing runs off the side of a phone. The time to the first drawn panel is printed for the note.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;

interface Panels {
  period: { from: string; to: string };
  lights: { task: Record<string, number> };
  blockers: { unresolved: { level: string; n: number }[] };
  overdue: { worst: { itemId: string; itemType: string; title: string }[] };
  investment: { planned: string; done: string };
  movement: { turnedRed: number; newlyRed: { itemId: string }[] };
  scope: { whole: boolean; units: { name: string }[]; taskForces: { name: string }[] };
  byPlan: { id: string; name: string; counts: Record<string, number> }[];
  byTaskForce: { id: string; turnedRed: number; recovered: number }[];
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function dashboardPage(phone: boolean, account = 'leader'): Promise<{ page: Page; ms: number }> {
  const { page } = await newPage(browser, base, { phone });
  await submitLogin(page, account);
  await atPath(page, '/');
  const started = Date.now();
  await page.goto('/dashboard');
  await page.getByTestId('dashboard-first-year').waitFor();
  const ms = Date.now() - started;
  await page.locator('[data-testid=dashboard-blocker-chart][data-chart-state=finished]').waitFor();
  return { page, ms };
}

describe('the leading group’s dashboard (issue 21 item 1)', () => {
  it('shows the reply’s numbers, drills down to the lists behind them, and fits a phone', async () => {
    const api = await apiLogin(base, 'leader');
    const data = (await api.get<{ data: Panels }>('/api/dashboard?period=month')).data;
    const { page, ms } = await dashboardPage(false);
    console.log(`dashboard: first panel after ${ms} ms (1280 px, localhost)`);
    expect(await page.getByTestId('dashboard-range-text').textContent()).toBe(`${data.period.from} 至 ${data.period.to}`);
    const figure = async (id: string) => ((await page.getByTestId(id).locator('.ant-statistic-content-value').textContent()) ?? '').replace(/,/g, '');
    expect(await figure('dashboard-planned')).toBe(data.investment.planned);
    expect(await figure('dashboard-done')).toBe(data.investment.done);
    await page.locator('[data-testid=dashboard-area-chart][data-chart-state=finished]').waitFor();
    await shot(page, '.tmp/dashboard-1280.png', { fullPage: true });

    // How the lights moved: the count the reply gives, and the items newly red, each opening its item.
    expect(await figure('dashboard-turned-red')).toBe(String(data.movement.turnedRed));
    expect(await page.getByTestId('dashboard-newly-red-line').count()).toBe(data.movement.newlyRed.length);
    expect(data.movement.newlyRed.length).toBeGreaterThan(0);

    // Where they moved: by task force, the groups that turned red or recovered, as the reply counts them.
    await page.getByTestId('dashboard-moved-by').getByText('专项推进组').click();
    const movedTf = data.byTaskForce.filter((g) => g.turnedRed || g.recovered);
    await expect.poll(() => page.getByTestId('dashboard-moved-groups').locator('tbody tr.ant-table-row').count()).toBe(Math.min(movedTf.length, 8));

    // An overdue line opens its item.
    const worst = data.overdue.worst[0]!;
    await page.getByTestId('dashboard-overdue-line').first().getByRole('link').click();
    await page.waitForURL(`**/${worst.itemType}s/${worst.itemId}`);

    // A blocker bar opens the unresolved blockers at its level: the list holds what the bar counted.
    await page.goto('/dashboard');
    const chart = page.locator('[data-testid=dashboard-blocker-chart][data-chart-state=finished]');
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const levels = ['unit', 'task_force', 'hq', 'leading_group'];
    const at = levels.findIndex((l) => data.blockers.unresolved.some((c) => c.level === l && c.n > 0));
    const counted = data.blockers.unresolved.filter((c) => c.level === levels[at]).reduce((n, c) => n + c.n, 0);
    // The grid spans the chart's width (8 px margins and the y-axis labels); each level is a quarter of it.
    await page.mouse.click(box.x + 40 + ((box.width - 56) * (at + 0.5)) / 4, box.y + box.height - 90);
    await page.waitForURL(`**/blockers?status=unresolved&level=${levels[at]}`);
    await page.getByTestId('blockers-page').waitFor();
    await expect.poll(() => page.locator('[data-testid=blocker]').count()).toBe(Math.min(counted, 20));

    // This year instead of this month: the range follows.
    await page.goto('/dashboard?period=year');
    await expect.poll(async () => page.getByTestId('dashboard-range-text').textContent()).toBe(`${data.period.from.slice(0, 4)}-01-01 至 ${data.period.from.slice(0, 4)}-12-31`);
    await page.context().close();

    const phone = await dashboardPage(true);
    await phone.page.locator('[data-testid=dashboard-area-chart][data-chart-state=finished]').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone.page, '.tmp/dashboard-375.png', { fullPage: true });
    await shot(phone.page.getByTestId('dashboard-movement'), '.tmp/dashboard-375-movement.png');
    await phone.page.context().close();
  });

  it('opens the lists behind its links within the region drilled into, named on the list', async () => {
    const api = await apiLogin(base, 'leader');
    const [region] = (await api.get<{ data: { id: string; name: string }[] }>('/api/regions')).data;
    const unresolved = (await api.get<{ page: { total: number } }>(`/api/blockers?status=unresolved&region=${region!.id}&perPage=20`)).page.total;
    const { page } = await newPage(browser, base, { phone: false });
    await submitLogin(page, 'leader');
    await atPath(page, '/');
    await page.goto(`/dashboard?region=${region!.id}`);
    await page.getByTestId('dashboard-region-of').waitFor();
    await page.getByTestId('dashboard-blockers').locator('.ant-card-extra a').click();
    await page.waitForURL(`**/blockers?status=unresolved&region=${region!.id}`);
    expect(await page.getByTestId('filter-region').textContent()).toBe(`行政区：${region!.name}`);
    await expect.poll(() => page.locator('[data-testid=blocker]').count()).toBe(Math.min(unresolved, 20));
    // Closing the tag widens the list to all of the reader's regions again.
    await page.getByTestId('filter-region').locator('.ant-tag-close-icon').click();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    // The tasks card's 查看 opens the task list within the region too.
    await page.goto(`/dashboard?region=${region!.id}`);
    await page.locator('.ant-card', { has: page.getByTestId('dashboard-task-lights') }).locator('.ant-card-extra a').click();
    await page.waitForURL(`**/tasks?region=${region!.id}`);
    expect(await page.getByTestId('filter-region').textContent()).toBe(`行政区：${region!.name}`);
    await page.context().close();
  });

  it('gives a liaison the slice of their own unit, said at the top, whose plan bars open the tasks behind them', async () => {
    const api = await apiLogin(base, 'liaison');
    const data = (await api.get<{ data: Panels }>('/api/dashboard?period=month')).data;
    expect(data.scope.whole).toBe(false);
    const { page } = await dashboardPage(false, 'liaison');
    await page.getByRole('heading', { name: '我的驾驶舱' }).waitFor();
    expect(await page.getByTestId('dashboard-scope').textContent()).toBe(`只统计${data.scope.units.map((u) => u.name).join('、')}的事项`);
    const chart = page.locator('[data-testid=dashboard-plan-chart][data-chart-state=finished]');
    await chart.waitFor();
    await shot(page, '.tmp/dashboard-liaison-1280.png', { fullPage: true });
    // The longest plan bar (it spans at least half the axis): the task list it opens is filtered to that plan.
    const total = (g: Panels['byPlan'][number]) => Object.values(g.counts).reduce((a, b) => a + b, 0);
    const shown = data.byPlan.filter((g) => total(g) > 0);
    const longest = shown.reduce((best, g, i) => (total(g) > total(shown[best]!) ? i : best), 0);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // The grid: 8 px above, 56 px below for the legend and about 22 px of axis labels; 8 px left plus about 126 px of labels, 16 px right.
    const rowHeight = (box.height - 86) / shown.length;
    const plotLeft = box.x + 134;
    await page.mouse.click(plotLeft + (box.x + box.width - 16 - plotLeft) * 0.25, box.y + 8 + rowHeight * (longest + 0.5));
    await page.waitForURL(`**/tasks?plan=${shown[longest]!.id}`);
    await page.context().close();
  });
});
