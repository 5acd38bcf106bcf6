// A target's and a key project's pages in a browser, as the HQ office sees them: the chart is really
// drawn (pixels of each series' colour on the canvas, where the data puts them) and the figures the
// page states — the year-end forecast, 首战告捷, the investment totals — are exactly what the data
// implies. The target, its actuals, the project and its monthly figures (accepted reports) are made
// through the API first, so nothing depends on the demo's work data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type ApiSession } from './apiSession.js';
import { atPath, launch, newPage, submitLogin, textOf } from './browser.js';
import { DEMO_PASSWORD } from './server.js';
import { e2eDay } from './clock.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let page: Page;
const stamp = Date.now().toString(36);
const thisYear = Number(e2eDay().slice(0, 4));

interface Listed {
  data: { id: string; code: string }[];
}
interface Program {
  id: string;
  startYear: number;
  endYear: number;
}

/** The years the test's target has goals for: the program's first (首战告捷) and second. */
let y1 = 0;
let y2 = 0;
let targetId = '';
let projectId = '';
let hq: ApiSession;

// The target: baseline 100, goals y1: 120, y2: 140, quarterly.
//   y1 Q1–Q4 = 104, 109, 115, 121.5: the year is in, its final value 121.5 ≥ 120, so 首战告捷 is met.
//   y2 Q1, Q2 = 124, 126: least squares through (0, 121.5) (where y1 really ended), (1, 124), (2, 126):
//     slope = (3·376 − 3·371.5) / (3·5 − 3²) = 2.25, intercept = (371.5 − 2.25·3) / 3 = 121.5833…,
//     Q4 (x = 4): 130.5833…, stated to the figures' one decimal as 130.6 < 140, so the goal will be missed.
//   y2 Q3 = 139 added: points (0,121.5) (1,124) (2,126) (3,139): slope = (4·793 − 6·510.5) / (4·14 − 6²) = 5.45,
//     intercept = (510.5 − 5.45·6) / 4 = 119.45, Q4: 119.45 + 4·5.45 = 141.25 → 141.3 ≥ 140, so it will be met.
const Y1_ACTUALS = ['104', '109', '115', '121.5'];
const Y2_ACTUALS = ['124', '126'];

// The project: planned 800.00 (last year) + 1200.30 (this year) = 2000.30 万元; done 95.50 (last
// November) + 210.25 (last December) + 123.45 (this January) = 429.20 万元, each from an accepted report.
const PLANS = [
  { year: thisYear - 1, planned: '800.00' },
  { year: thisYear, planned: '1200.30' },
];
const DONE = [
  { period: `${thisYear - 1}-11`, investment: '95.50' },
  { period: `${thisYear - 1}-12`, investment: '210.25' },
  { period: `${thisYear}-01`, investment: '123.45' },
];

/** A report through its whole flow: the liaison files and submits, the head approves, the task force reviews, the HQ office accepts. */
async function acceptedReport(s: Record<'liaison' | 'unit_head' | 'task_force', ApiSession>, body: Record<string, unknown>) {
  const r = await s.liaison.post<{ data: { id: string } }>('/api/reports', body);
  const id = r.data.id;
  await s.liaison.post(`/api/reports/${id}/submit`, {});
  await s.unit_head.post(`/api/reports/${id}/approve`, {});
  await s.task_force.post(`/api/reports/${id}/review`, {});
  await hq.post(`/api/reports/${id}/accept`, {});
}

async function makeItems() {
  hq = await apiLogin(base, 'hq_office');
  const [units, bodies, programs] = await Promise.all([hq.get<Listed>('/api/units'), hq.get<Listed>('/api/bodies'), hq.get<{ data: Program[] }>('/api/programs')]);
  const unitId = units.data.find((u) => u.code === 'jianshe')!.id;
  const taskForceId = bodies.data.find((b) => b.code === 'tf_industry')!.id;
  const program = programs.data[0]!;
  expect(program.endYear).toBeGreaterThan(program.startYear);
  [y1, y2] = [program.startYear, program.startYear + 1];
  const plan = await hq.post<{ data: { id: string } }>('/api/plans', { programId: program.id, kind: 'special', code: `E2E-I-${stamp}`, title: '工业振兴专项行动方案（图表测试）', taskForceId });

  const target = await hq.post<{ data: { id: string } }>('/api/targets', {
    planId: plan.data.id,
    code: `E2E-T-${stamp}`,
    name: `规上工业增加值（测试${stamp}）`,
    measureUnit: '亿元',
    baseline: '100',
    direction: 'higher',
    dataUnitId: unitId,
    period: 'quarterly',
    goals: [
      { year: y1, goal: '120' },
      { year: y2, goal: '140' },
    ],
  });
  targetId = target.data.id;
  for (const [i, value] of Y1_ACTUALS.entries()) await hq.post(`/api/targets/${targetId}/actuals`, { period: `${y1}-Q${i + 1}`, value });
  for (const [i, value] of Y2_ACTUALS.entries()) await hq.post(`/api/targets/${targetId}/actuals`, { period: `${y2}-Q${i + 1}`, value });

  const project = await hq.post<{ data: { id: string; version: number } }>('/api/projects', {
    code: `E2E-P-${stamp}`,
    name: `精细化工园区配套管网工程（测试${stamp}）`,
    planId: plan.data.id,
    ownerEnterprise: '区城投公司',
    location: '精细化工产业园',
    responsibleUnitId: unitId,
    totalInvestment: '5000.50',
    stage: 'building',
  });
  projectId = project.data.id;
  await put('hq_office', `/api/projects/${projectId}/plan`, { version: project.data.version, years: PLANS });
  const [liaison, unit_head, task_force] = await Promise.all(['liaison', 'unit_head', 'task_force'].map((a) => apiLogin(base, a)));
  const s = { liaison: liaison!, unit_head: unit_head!, task_force: task_force! };
  for (const d of DONE) await acceptedReport(s, { itemType: 'project', itemId: projectId, text: '按月报送完成投资', ...d });
}

/** A PUT as an account (the shared API session offers GET and POST only). */
async function put(account: string, path: string, body: unknown) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password: DEMO_PASSWORD }) });
  const { data } = (await login.json()) as { data: { csrfToken: string } };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${base}${path}`, { method: 'PUT', headers: { cookie, 'x-csrf-token': data.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
}

type Rgb = [number, number, number];
interface Ink {
  /** Pixels of the colour in the plot area (below the legend). */
  n: number;
  /** Leftmost, rightmost and median position of those pixels, as a fraction of the canvas. */
  minX: number;
  maxX: number;
  midY: number;
}
interface Chart {
  cssWidth: number;
  cssHeight: number;
  ink: Record<string, Ink>;
}

/**
 * Reads the ECharts canvas of the element with this data-testid: its drawn size, and where each
 * series colour appears below the legend (the grid starts 40 px from the top), once the chart says
 * its drawing is finished.
 */
async function chartInk(p: Page, testId: string, colors: Record<string, Rgb>): Promise<Chart> {
  const canvas = p.locator(`[data-testid=${testId}] canvas`).first();
  await canvas.waitFor();
  const read = () =>
    canvas.evaluate(
      (el, colors) => {
        const c = el as HTMLCanvasElement;
        const rect = c.getBoundingClientRect();
        const ink: Record<string, { n: number; minX: number; maxX: number; midY: number }> = {};
        if (!c.width || !c.height) return { cssWidth: rect.width, cssHeight: rect.height, ink };
        const scale = c.width / rect.width;
        const top = Math.ceil(40 * scale);
        const px = c.getContext('2d')!.getImageData(0, top, c.width, c.height - top).data;
        for (const [name, [r, g, b]] of Object.entries(colors)) {
          const ys: number[] = [];
          let minX = Infinity;
          let maxX = -Infinity;
          for (let i = 0; i < px.length; i += 4) {
            if (px[i + 3]! < 200 || Math.abs(px[i]! - r) + Math.abs(px[i + 1]! - g) + Math.abs(px[i + 2]! - b) > 36) continue;
            const x = (i / 4) % c.width;
            ys.push(Math.floor(i / 4 / c.width) + top);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
          ys.sort((a, b) => a - b);
          ink[name] = { n: ys.length, minX: minX / c.width, maxX: maxX / c.width, midY: ys.length ? ys[ys.length >> 1]! / c.height : NaN };
        }
        return { cssWidth: rect.width, cssHeight: rect.height, ink };
      },
      colors,
    );
  // The chart marks itself when its drawing and animation are done (web/components/EChart.tsx).
  await p.locator(`[data-testid=${testId}][data-chart-state=finished]`).waitFor();
  return await read();
}

/** Clicks a year in the page's segmented year control. */
async function pickYear(p: Page, year: number) {
  await p.locator('.ant-segmented-item', { hasText: new RegExp(`^${year}$`) }).click();
}

// The series colours of TargetChart and ProjectChart.
const TARGET_COLORS: Record<string, Rgb> = { actual: [26, 79, 160], expected: [140, 140, 140], goal: [207, 19, 34], forecast: [212, 136, 6] };
const PROJECT_COLORS: Record<string, Rgb> = { planned: [173, 198, 255], done: [26, 79, 160], doneCum: [56, 158, 13] };

beforeAll(async () => {
  [browser] = await Promise.all([launch(), makeItems()]);
  page = (await newPage(browser, base)).page;
  await submitLogin(page, 'hq_office');
  await atPath(page, '/');
});
afterAll(async () => {
  await browser?.close();
});

describe('a target: actual vs. trajectory, the year-end forecast and 首战告捷', () => {
  it('draws the chart and states the forecast the actuals imply, and follows a new actual', async () => {
    await page.goto(`/targets/${targetId}`);
    await page.getByTestId('target-page').waitFor();

    // 首战告捷: the first year is in (Q4 = 121.5 against 120), so it is met, on the final value.
    const first = page.getByTestId('first-year');
    expect(await textOf(page, 'first-year')).toBe(`首战告捷：${y1}年：目标 120，全年实际 121.5 已达成`);
    expect(await first.getAttribute('class')).toContain('ant-alert-success');

    // The second year, chosen by the user: a trend forecast of 130.6 misses 140.
    await pickYear(page, y2);
    await expect.poll(() => textOf(page, 'target-outlook')).toBe(`${y2}年：目标 140，预测 130.6预计难以完成`);
    await page.locator('[data-testid=target-outlook] .ant-tag-red', { hasText: '预计难以完成' }).waitFor();

    // The chart is drawn: a real canvas with the actual line, the planned trajectory, and the goal
    // (red, dashed) above the forecast (amber, dotted) since the forecast falls short.
    const before = await chartInk(page, 'target-chart', TARGET_COLORS);
    await shot(page, '/tmp/e2e-target-miss.png');
    expect(before.cssWidth).toBeGreaterThan(300);
    expect(before.cssHeight).toBeGreaterThan(200);
    for (const c of Object.keys(TARGET_COLORS)) expect(before.ink[c]!.n, c).toBeGreaterThan(30);
    // Two actuals (Q1, Q2 of four) and a line between them: the actual line stays in the left part.
    expect(before.ink.actual!.maxX).toBeLessThan(0.75);
    expect(before.ink.forecast!.midY).toBeGreaterThan(before.ink.goal!.midY);

    // The first year on the chart: its final value, marked as such; no trend line then.
    await pickYear(page, y1);
    await expect.poll(() => textOf(page, 'target-outlook')).toBe(`${y1}年：目标 120，全年实际 121.5已达成`);
    const final = await chartInk(page, 'target-chart', TARGET_COLORS);
    expect(final.ink.forecast!.n).toBe(0);
    expect(final.ink.actual!.maxX).toBeGreaterThan(0.8);

    // A Q3 actual of 139 comes in: the forecast rises to 141.3, over the goal; the forecast line goes above the goal line.
    await hq.post(`/api/targets/${targetId}/actuals`, { period: `${y2}-Q3`, value: '139' });
    await page.reload();
    await pickYear(page, y2);
    await expect.poll(() => textOf(page, 'target-outlook')).toBe(`${y2}年：目标 140，预测 141.3预计完成`);
    await page.locator('[data-testid=target-outlook] .ant-tag-green', { hasText: '预计完成' }).waitFor();
    const after = await chartInk(page, 'target-chart', TARGET_COLORS);
    await shot(page, '/tmp/e2e-target-meet.png');
    expect(after.ink.forecast!.n).toBeGreaterThan(30);
    expect(after.ink.forecast!.midY).toBeLessThan(after.ink.goal!.midY);
    expect(after.ink.actual!.maxX).toBeGreaterThan(before.ink.actual!.maxX);
  });

  it("lists the target with its newest actual, this year's goal and the year-end outlook", async () => {
    // The demo program began last year, so the target's second year is this one.
    expect(y2).toBe(Number(e2eDay().slice(0, 4)));
    await page.goto(`/targets?q=E2E-T-${stamp}`);
    const row = page.getByTestId('target-table').locator('tbody tr', { hasText: `E2E-T-${stamp}` });
    await row.waitFor();
    // Q3's 139 (the previous test) is the newest actual; the trend through it points to 141.3 by Q4, over the goal of 140.
    expect((await row.locator('td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringContaining(''),
      `E2E-T-${stamp}`,
      `规上工业增加值（测试${stamp}）`,
      `139 亿元 ${y2}-Q3`,
      '140 亿元 ↑',
      '141.3 亿元 预计完成',
      '建设街道',
      '每季度',
    ]);
    await row.locator('[data-testid=target-year-end] .ant-tag-green', { hasText: '预计完成' }).waitFor();
  });
});

describe('a key project: planned vs. done investment by month', () => {
  it('draws the months and states the exact totals in 万元', async () => {
    await page.goto(`/projects/${projectId}`);
    await page.getByTestId('project-page').waitFor();
    expect(await textOf(page, 'project-totals')).toBe('累计计划 2000.30 万元，累计完成 429.20 万元');
    expect(await page.getByTestId('project-page').textContent()).toContain('5000.50');

    // This year (shown first): planned bars every month; done only in January (the first of twelve slots).
    const now = await chartInk(page, 'project-chart', PROJECT_COLORS);
    await shot(page, '/tmp/e2e-project-this-year.png');
    expect(now.cssWidth).toBeGreaterThan(300);
    expect(now.cssHeight).toBeGreaterThan(200);
    expect(now.ink.planned!.n).toBeGreaterThan(500);
    expect(now.ink.planned!.maxX - now.ink.planned!.minX).toBeGreaterThan(0.7);
    expect(now.ink.done!.n).toBeGreaterThan(100);
    expect(now.ink.done!.maxX).toBeLessThan(0.2);

    // Last year: done in November and December, the last two slots; the running total line is drawn.
    await pickYear(page, thisYear - 1);
    await expect.poll(async () => (await chartInk(page, 'project-chart', PROJECT_COLORS)).ink.done!.minX, { timeout: 15_000 }).toBeGreaterThan(0.75);
    const last = await chartInk(page, 'project-chart', PROJECT_COLORS);
    await shot(page, '/tmp/e2e-project-last-year.png');
    expect(last.ink.done!.n).toBeGreaterThan(200);
    expect(last.ink.doneCum!.n).toBeGreaterThan(30);

    // The three accepted reports are listed beside the chart, each with its month and figure.
    await page.getByTestId('item-reports').locator('.ant-list-item').first().waitFor();
    const reports = await textOf(page, 'item-reports');
    expect(reports.match(/已验收/g)).toHaveLength(3);
    for (const d of DONE) expect(reports).toContain(d.period);
    // Money keeps its two decimals and its unit, as on the totals line.
    for (const figure of ['95.50 万元', '210.25 万元', '123.45 万元']) expect(reports).toContain(figure);
  });

  it("lists the project with this year's investment: done against planned and the rate", async () => {
    await page.goto(`/projects?q=E2E-P-${stamp}`);
    const cell = page.getByTestId('project-table').locator('tbody tr', { hasText: `E2E-P-${stamp}` }).getByTestId('project-this-year');
    await cell.waitFor();
    // This year: only January's 123.45 of 1200.30 (last year's months do not count): 10.2849…% → 10.3%.
    expect((await cell.innerText()).replace(/\s+/g, ' ').trim()).toBe('123.45 / 1200.30 10.3%');
  });
});
