// Chromium (Debian's /usr/bin/chromium through playwright-core) and the steps every test repeats.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generate } from 'otplib';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let shared: Promise<Browser> | undefined;
const OMNIBOX_POPUPS = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/**
 * The worker's Chromium, started by its first file and kept for the next ones (vitest.e2e.config.ts
 * runs a worker's files in one process): a start costs about a second of CPU, thirty times a run.
 * A file's `close()` closes the contexts it opened, not the browser, which ends with the worker.
 */
export async function launch(): Promise<Browser> {
  shared ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Every context preloads the address bar's drop-down (chrome://omnibox-popup.top-chrome), two
      // renderers of its own that a headless page never shows: about 40 % of the page renderers' CPU
      // in a trace. Chromium merges this list with Playwright's own --disable-features.
      `--disable-features=${OMNIBOX_POPUPS.join(',')}`,
    ],
  });
  const browser = await shared;
  if (!browser.isConnected()) {
    shared = undefined;
    return launch();
  }
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'close') return async () => void (await Promise.all(target.contexts().map((c) => c.close())));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Every page a test has open, for the screenshots taken when a test fails (e2e/failureShots.ts). */
export const openPages = new Set<Page>();
/** The last API calls, failures and console errors of each open page. */
export const pageLogs = new WeakMap<Page, string[]>();

export interface PageOptions {
  lang?: 'zh-CN' | 'en-US';
  phone?: boolean;
  /** Let the page install the service worker (e2e/pwa.test.ts); elsewhere it is blocked: each context would fetch the whole app shell for it. */
  serviceWorker?: boolean;
}

/** A fresh browser context (its own cookies), with the language preset in localStorage. */
export async function newPage(browser: Browser, base: string, opts: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: opts.phone ? { width: 375, height: 740 } : { width: 1280, height: 800 },
    isMobile: !!opts.phone,
    hasTouch: !!opts.phone,
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
    // Dialogs and dropdowns appear at once (web/theme.ts): on a busy machine a click aimed at a
    // button still zooming in landed beside it, and the test waited for a request never sent.
    reducedMotion: 'reduce',
    serviceWorkers: opts.serviceWorker ? 'allow' : 'block',
  });
  // The page's Date runs on the run's clock, as the server's does; timers and animations keep real time.
  await context.addInitScript((offset) => {
    const RealDate = Date;
    class ClockDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...(args as [string]));
      }
      static override now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = ClockDate as DateConstructor;
  }, inject('clockOffsetMs'));
  if (opts.lang) await context.addInitScript((l) => localStorage.setItem('tuijin.lang', l), opts.lang);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  // What the page asked of the server, kept for the report of a failed test (e2e/failureShots.ts).
  const log: string[] = [];
  pageLogs.set(page, log);
  const t0 = Date.now();
  const note = (line: string) => log.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${line}`) > 40 && log.shift();
  page.on('requestfinished', (r) => {
    // A page closed meanwhile has no response to give: nothing to note then.
    if (new URL(r.url()).pathname.startsWith('/api/'))
      r.response().then(
        (res) => note(`${r.method()} ${new URL(r.url()).pathname} ${res?.status()}`),
        () => {},
      );
  });
  // Scripts a page was still preloading when it navigated on are aborted: not worth a line.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && note(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`));
  page.on('console', (m) => m.type() === 'error' && note(`console: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => note(`page error: ${e.message.slice(0, 200)}`));
  return { context, page };
}

/** Fills the login form and submits it; does not wait for where it leads. */
export async function submitLogin(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  if (pathOf(page) !== '/login') await page.goto('/login');
  await page.getByTestId('login-account').fill(account);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export const pathOf = (page: Page): string => new URL(page.url()).pathname;

/** Waits until the page is at `path`. */
export const atPath = (page: Page, path: string) => page.waitForURL((u) => u.pathname === path);

/**
 * One signed-in page per account, opened on first use and kept for the whole flow (each account
 * logs in once). `browser` is read when a page is first needed (it is launched in beforeAll).
 */
export function signedInPages(browser: () => Browser, base: string): (account: string) => Promise<Page> {
  const pages = new Map<string, Page>();
  return async (account) => {
    let page = pages.get(account);
    if (!page) {
      page = (await newPage(browser(), base)).page;
      await submitLogin(page, account);
      await atPath(page, '/');
      pages.set(account, page);
    }
    return page;
  };
}

/** The trimmed text of the element with this data-testid (waits for it). */
export async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId).first();
  await el.waitFor();
  return ((await el.textContent()) ?? '').trim();
}

/** The current code of a TOTP secret. */
export const totp = (secret: string): Promise<string> => generate({ secret });

/** Picks an option of an antd Select by its visible text (typing it first where the select searches). */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  const input = page.getByTestId(testId).locator('input');
  if (await input.isEditable()) await input.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** An item page's 变更记录 as its lines read, newest first (whitespace folded). */
export const historyLines = async (page: Page): Promise<string[]> => (await page.getByTestId('item-history-line').allInnerTexts()).map((l) => l.replace(/\s+/g, ' '));
