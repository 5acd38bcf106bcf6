// The liaison's phone the PWA tests start from (e2e/pwa.test.ts, e2e/pwaFirstScreen.test.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { atPath, newPage, submitLogin } from './browser.js';
import { SNAPSHOT_ID } from '../web/sw/swRules.js';

/** A phone (375 × 812), the liaison signed in, on the workbench, with the service worker in control and the workbench kept. */
export async function phone(browser: Browser, base: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, base, { phone: true, serviceWorker: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await submitLogin(page, 'liaison');
  await atPath(page, '/');
  await page.goto('/work/unit');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 }).catch(async (e: Error) => {
    // Where the worker got to, for the report: installing, redundant (its install failed), or none.
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg ? { installing: reg.installing?.state ?? null, waiting: reg.waiting?.state ?? null, active: reg.active?.state ?? null } : 'no registration';
    });
    throw new Error(`${e.message}; the service worker: ${JSON.stringify(state)}`);
  });
  // Opened again under the worker: this time the shell, the workbench and the forms due first are kept.
  await page.reload();
  await page.getByTestId('wb-toReport-line').first().waitFor();
  await page.waitForLoadState('networkidle');
  // The app's own page, not the kept first screen the worker may have drawn over it while it booted.
  await page.locator(`#${SNAPSHOT_ID}`).waitFor({ state: 'detached' });
  return { context, page };
}
