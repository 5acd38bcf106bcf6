// Evidence from a phone camera in Chromium (issue 17 item 11): a photo far over the limit is drawn
// again at most 2,560 px on its long side as JPEG before upload and arrives; a file still over the
// limit is refused with a message naming it, never dropped from the list without a word.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './apiSession.js';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { noisePng } from './noisePhoto.js';
import { serverBase } from './base.js';

const base = serverBase();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = (await newPage(browser, base)).page;
  const liaison = await apiLogin(base, 'liaison');
  const wb = await liaison.get<{ data: { toReport: { itemType: string; itemId: string; period: string }[] } }>('/api/workbench/unit');
  const line = wb.data.toReport.find((l) => l.itemType === 'task')!;
  await submitLogin(page, 'liaison');
  await atPath(page, '/');
  await page.goto(`/reports/new?itemType=task&itemId=${line.itemId}&period=${line.period}`);
  await page.getByTestId('report-form').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('evidence upload', () => {
  it('downscales a 23 MB photo to a JPEG at most 2,560 px long and uploads it', async () => {
    // 3,200 × 2,400 of noise: a PNG that does not compress, as heavy as a camera's photo.
    const photo = await noisePng(page, 3200, 2400);
    expect(photo.length).toBeGreaterThan(20 * 1024 * 1024);
    // Handing 23 MB to the page goes through the DevTools protocol as base64: on a loaded machine that
    // alone passed the 20 s default twice, so it gets the upload's own minute.
    await page.locator('[data-testid=report-form] input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: photo }, { timeout: 60_000 });
    const item = page.locator('.ant-upload-list-item', { hasText: '现场照片.jpg' });
    await item.waitFor({ timeout: 60_000 });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item.ant-upload-list-item-done', { hasText: '现场照片.jpg' }).first().waitFor({ timeout: 60_000 });
    const href = await item.locator('a[href*="/api/evidence/"]').first().getAttribute('href');
    // What the server stored: a JPEG, its frame at most 2,560 px on the long side, under the limit.
    const stored = await page.evaluate(async (url) => {
      const b = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      let i = 2;
      while (i < b.length && !(b[i] === 0xff && (b[i + 1] === 0xc0 || b[i + 1] === 0xc2))) i += b[i] === 0xff && b[i + 1]! >= 0xc0 ? 2 + ((b[i + 2]! << 8) | b[i + 3]!) : 1;
      return { soi: b[0] === 0xff && b[1] === 0xd8, size: b.length, height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }, href);
    expect(stored.soi).toBe(true);
    expect(stored.size).toBeLessThan(10 * 1024 * 1024);
    expect(stored).toMatchObject({ width: 2560, height: 1920 });
  });

  it('says so when a file is still over the limit, and lists nothing for it', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(11 * 1024 * 1024)]);
    await page.locator('[data-testid=report-form] input[type=file]').setInputFiles({ name: '施工图纸.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('.ant-message', { hasText: '“施工图纸.pdf”为 11.0 MB，超过 10.0 MB 的上限，未上传' }).waitFor();
    expect(await page.locator('.ant-upload-list-item', { hasText: '施工图纸.pdf' }).count()).toBe(0);
  });
});
