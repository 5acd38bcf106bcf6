// When a test fails, every page it has open is photographed to .tmp/e2e-failed/, so a timeout can
// be read as what the user would have seen (a dialog still open, an error under a field), and its
// last API calls and console errors are printed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openPages, pageLogs } from './browser.js';
import { ROOT } from './server.js';

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const dir = path.join(ROOT, '.tmp', 'e2e-failed');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${path.basename(ctx.task.file?.name ?? 'test', '.test.ts')}-${ctx.task.name}`.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);
  let i = 0;
  for (const page of openPages) {
    const file = path.join(dir, `${name}-${++i}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).catch(() => {});
    console.log(`failed: ${page.url()} → ${path.relative(ROOT, file)}\n  ${(pageLogs.get(page) ?? []).join('\n  ')}`);
  }
});
