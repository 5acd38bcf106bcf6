// Draws the web app's home-screen icons (web/public/icons/*.png): the character 推 in white on the
// brand red, in the installed CJK font, through Debian's Chromium. Run again only to change them:
// `node scripts/pwaIcons.mjs`. The maskable icon keeps the character inside the 80 % safe circle.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'icons');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true], ['apple-touch-icon.png', 180, false]]) {
  await page.setViewportSize({ width: size, height: size });
  // A rounded square for the plain icons (launchers that do not mask), the full square for maskable ones.
  const radius = maskable ? 0 : Math.round(size * 0.18);
  const glyph = Math.round(size * (maskable ? 0.5 : 0.64));
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${radius}px;background:linear-gradient(160deg,#d4343b,#a81f26);display:flex;align-items:center;justify-content:center">
      <span style="font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-weight:bold;font-size:${glyph}px;line-height:1;color:#fff;transform:translateY(-2%)">推</span>
    </div></body></html>`);
  await page.screenshot({ path: path.join(out, name), omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
}
await browser.close();
