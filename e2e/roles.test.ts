// Every non-admin demo role logs in and sees its workbench: header (post, unit, role) and menu.
// The language switch turns every label to English; logout returns to the login page.
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, type Role } from '../domain/enums.js';
import { ROLE_LABELS } from '../domain/labels.js';
import { DEMO_ACCOUNTS } from '../demo/accounts.js';
import { DEMO_UNITS } from '../demo/org.js';
import { apiLogin } from './apiSession.js';
import { atPath, launch, newPage, pathOf, submitLogin, textOf } from './browser.js';
import { serverBase } from './base.js';

const base = serverBase();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const unitName = (code: string) => DEMO_UNITS.find((u) => u.code === code)!.name;
const ADMIN_MENU = ['menu-regions', 'menu-units', 'menu-bodies', 'menu-users', 'menu-import', 'menu-securityPolicy', 'menu-securityUsers', 'menu-audit'];

describe('non-admin roles', () => {
  const accounts = DEMO_ACCOUNTS.filter((a) => !(ADMIN_ROLES as readonly Role[]).includes(a.account));
  // One browser context for all of them (the scripts stay cached); each logs out at the end.
  let shared: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    shared = await newPage(browser, base);
  });
  afterAll(async () => {
    await shared?.context.close();
  });

  it.each(accounts.map((a) => [a.account, a] as const))('%s sees the workbench, header and menu of the role', async (_, a) => {
    const { page } = shared;
    await submitLogin(page, a.account);
    await atPath(page, '/');
    expect(await textOf(page, 'header-user')).toBe(a.displayName);
    expect(await textOf(page, 'header-unit')).toBe(unitName(a.unit));
    expect(await textOf(page, 'header-roles')).toContain(ROLE_LABELS[a.account]['zh-CN']);
    expect(await textOf(page, 'menu-home')).toBe('工作台');
    expect(await textOf(page, 'menu-org')).toBe('组织架构');
    for (const id of ADMIN_MENU) expect(await page.getByTestId(id).count(), id).toBe(0);
    expect(await textOf(page, 'role-duties')).toContain(ROLE_LABELS[a.account]['zh-CN']);
    await page.getByTestId('logout').click();
    await atPath(page, '/login');
  });

  it('the organisation page lists the bodies and their members', async () => {
    const { context, page } = await newPage(browser, base);
    try {
      await submitLogin(page, 'liaison');
      await atPath(page, '/');
      await page.getByTestId('menu-org').click();
      await atPath(page, '/org');
      const group = await textOf(page, 'body-leading_group');
      expect(group).toContain('组长');
      expect(group).toContain('区委书记');
      // An admin page is refused in the browser as well as on the server.
      await page.goto('/admin/users');
      await page.getByText('403').first().waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the unit workbench on the demo district', () => {
  it('is summed up on the first page, and says of each overdue item what is overdue: its deadline, or a milestone before a deadline still ahead', async () => {
    const liaison = await apiLogin(base, 'liaison');
    const wb = await liaison.get<{ data: { overdue: { itemId: string; due: string | null; lightReasons: { code: string; text: string }[] }[] } }>('/api/workbench/unit');
    const milestone = wb.data.overdue.find((l) => l.lightReasons.some((r) => r.code === 'milestone_overdue') && !l.lightReasons.some((r) => r.code === 'overdue'));
    expect(milestone, 'the demo has an item whose milestone, not deadline, is overdue').toBeDefined();
    const { context, page } = await newPage(browser, base);
    await submitLogin(page, 'liaison');
    await atPath(page, '/');
    // The first page says what waits, as the workbench counts it, and opens the workbench.
    const counts = (await liaison.get<{ data: { counts: Record<string, number> } }>('/api/workbench/unit')).data.counts;
    for (const key of ['toClaim', 'toReport', 'returned', 'dueSoon', 'overdue']) {
      await expect.poll(async () => Number((await page.getByTestId(`home-todo-${key}`).locator('.ant-statistic-content-value').textContent()) ?? 'NaN'), { message: key }).toBe(counts[key]);
    }
    expect(await page.getByTestId('home-todo-toReview').count()).toBe(0);
    await page.getByTestId('home-todo-overdue').click();
    await atPath(page, '/work/unit');
    const lines = page.getByTestId('wb-overdue-line');
    await lines.first().waitFor();
    for (const text of await lines.allInnerTexts()) expect(text).toContain('逾期');
    const line = await page.locator(`[data-testid=wb-overdue-line][data-item="${milestone!.itemId}"]`).innerText();
    expect(line).toContain(milestone!.lightReasons.find((r) => r.code === 'milestone_overdue')!.text);
    await context.close();
  });
});

describe('language and logout', () => {
  it('switching to English changes every label, survives a reload, and logout returns to /login', async () => {
    const { context, page } = await newPage(browser, base);
    try {
      await submitLogin(page, 'task_force');
      await atPath(page, '/');
      expect(await textOf(page, 'lang-switch')).toBe('English');
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('menu-home').filter({ hasText: 'Workbench' }).waitFor();
      expect(await textOf(page, 'menu-org')).toBe('Organisation');
      expect(await textOf(page, 'header-roles')).toContain('Task force');
      expect(await textOf(page, 'logout')).toBe('Log out');
      expect(await textOf(page, 'lang-switch')).toBe('中文');
      expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
      expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en-US');

      await page.reload();
      expect(await textOf(page, 'menu-home')).toBe('Workbench');

      await page.getByTestId('logout').click();
      await atPath(page, '/login');
      expect(await textOf(page, 'login-submit')).toBe('Log in');
      // The server answers in the chosen language too.
      await submitLogin(page, 'task_force', 'not-the-password');
      expect(await textOf(page, 'login-error')).toContain('Wrong account or password');
      // Without a session the workbench sends the visitor to /login.
      await page.goto('/');
      await atPath(page, '/login');
      expect(pathOf(page)).toBe('/login');
    } finally {
      await context.close();
    }
  });
});

describe('phone', () => {
  it('at 375 px the menu is a drawer and nothing overflows the screen', async () => {
    const { context, page } = await newPage(browser, base, { phone: true });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      await page.goto('/login');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await submitLogin(page, 'hq_office');
      await atPath(page, '/');
      expect(await page.getByTestId('side-menu').count()).toBe(0);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByTestId('menu-toggle').click();
      expect(await textOf(page, 'drawer-roles')).toContain('指挥部办公室');
      await page.getByTestId('menu-org').click();
      await atPath(page, '/org');
      await page.getByTestId('body-leading_group').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe('login page weight', () => {
  it('loads at most 300 KB of gzipped JavaScript', async () => {
    const { context, page } = await newPage(browser, base);
    try {
      const scripts: Promise<number>[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('.js')) scripts.push(r.body().then((b) => zlib.gzipSync(b).length));
      });
      await page.goto('/login', { waitUntil: 'networkidle' });
      await page.getByTestId('login-submit').waitFor();
      const sizes = await Promise.all(scripts);
      const total = sizes.reduce((a, b) => a + b, 0);
      console.log(`login page: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} KB gzip`);
      expect(total).toBeLessThanOrEqual(300 * 1024);
    } finally {
      await context.close();
    }
  });
});
