// What the PWA test reads off a phone's page about the kept first screen (e2e/pwa.test.ts): whether
// the worker would show it now, and when the first due line was painted.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { API_CACHE, SNAPSHOT_BODY_HEADER, SNAPSHOT_OF_HEADER, SNAPSHOT_URL } from '../web/sw/swRules.js';

/** Waits until the workbench as drawn now is kept as the next open's first screen (the page keeps it a second after drawing), by the worker's own rule. */
export async function snapshotKept(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async ([api, url, of, body]) => {
          const kept = await caches.open(api);
          const snap = await kept.match(url);
          const read = snap && (await kept.match(snap.headers.get(of)!));
          if (!read) return false;
          const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(await read.text())))].map((b) => b.toString(16).padStart(2, '0')).join('');
          return digest === snap.headers.get(body);
        }, [API_CACHE, SNAPSHOT_URL, SNAPSHOT_OF_HEADER, SNAPSHOT_BODY_HEADER] as const),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** When the first due line's title was painted, in ms from the navigation's start (the browser's Element Timing, `elementtiming` in WorkLines.tsx). */
export const firstLinePainted = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, obs) => {
          const e = list.getEntries().find((x) => (x as PerformanceEntry & { identifier: string }).identifier === 'wb-toReport-line') as (PerformanceEntry & { renderTime: number; loadTime: number }) | undefined;
          if (!e) return;
          obs.disconnect();
          resolve(Math.round(e.renderTime || e.loadTime));
        }).observe({ type: 'element', buffered: true });
      }),
  );
