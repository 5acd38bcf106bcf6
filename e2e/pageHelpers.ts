import type { Locator, Page } from 'playwright-core';
import { dayNumber, fromDayNumber } from '../domain/calendar/days.js';
import { WorkdayCalendar } from '../domain/calendar/workdays.js';
import { e2eDay } from './clock.js';

/** The first rest day after today, and a workday three workdays ahead (the demo has no local calendar changes). */
export function deadlines(): { restDay: string; workday: string } {
  const cal = new WorkdayCalendar();
  const today = e2eDay();
  let n = dayNumber(today) + 1;
  while (cal.isWorkday(fromDayNumber(n))) n++;
  return { restDay: fromDayNumber(n), workday: cal.addWorkdays(today, 3) };
}

/** Types a day into an antd DatePicker, given by its test id or its locator. */
export async function pickDay(page: Page, picker: string | Locator, day: string) {
  const el = typeof picker === 'string' ? page.getByTestId(picker) : picker;
  await el.click();
  await el.fill(day);
  await page.keyboard.press('Enter');
}

/**
 * Pictures of what a flow shows, for a person to look at: taken only when E2E_SHOTS=1 is set. The
 * suite itself asserts on the page, never on these files, and about a hundred full-page PNGs cost
 * it a minute of the two cores (failed tests still get theirs: e2e/failureShots.ts).
 */
export const TAKE_SHOTS = process.env.E2E_SHOTS === '1';

/** A picture of a page or of one element, when pictures are asked for. */
export async function shot(target: Page | Locator, path: string, opts: { fullPage?: boolean } = {}) {
  if (TAKE_SHOTS) await target.screenshot({ path, ...opts });
}

/**
 * The whole page in one picture: the window made as tall as the page first, so the sticky header
 * and menu sit where a reader sees them (a full-page capture paints them halfway down).
 */
export async function shootWhole(page: Page, path: string) {
  if (!TAKE_SHOTS) return;
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

/** An open dialog in one picture: the window made as tall as the dialog's scrolling frame first. */
export async function shootDialog(page: Page, path: string) {
  if (!TAKE_SHOTS) return;
  const size = page.viewportSize()!;
  const height = await page.locator('.ant-modal-wrap:visible').last().evaluate((w) => w.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
