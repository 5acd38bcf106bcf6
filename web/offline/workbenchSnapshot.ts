import { criticalCss } from './criticalCss.js';
import { API_CACHE, bodyDigest, SAVED_AT_HEADER, SNAPSHOT_BODY_HEADER, SNAPSHOT_CSS_HEADER, SNAPSHOT_ID, SNAPSHOT_STYLED_HEADER, SNAPSHOT_OF_HEADER, SNAPSHOT_URL } from '../sw/swRules.js';

/**
 * Keeps the workbench as it is drawn now for the installed app's next first screen (issue 24: the due
 * lines on screen in ≤ 1 s on a slow phone, where booting React and Ant Design takes 2–3 s): the page's
 * HTML, the CSS rules that apply to it, and a line saying when its data was kept. Its lines are
 * real links (填报 is an <a>), so a tap works before the app has booted. Kept only when the read it was
 * drawn from (`readUrl`) is kept too, with that read's body digest: the worker shows it only while the
 * kept read still says the same (swRules.ts snapshotCurrent), and logout drops both.
 */
export async function keepWorkbenchSnapshot(readUrl: string, drawn: unknown, mark: (savedAt: string) => string): Promise<void> {
  if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller) return;
  const root = document.getElementById('root');
  // Drawn while the previous snapshot still covers it: the page under it is what is kept, never the snapshot itself.
  if (!root || document.getElementById(SNAPSHOT_ID)) return;
  const kept = await caches.open(API_CACHE);
  const read = await kept.match(readUrl);
  const savedAt = read?.headers.get(SAVED_AT_HEADER);
  if (!read || !savedAt) return;
  const body = await read.text();
  // The page as drawn, with the digest of the read it was drawn from: a newer answer kept meanwhile
  // (its render is on its way and keeps its own) would pair the older lines with the newer digest (a CI run).
  if (JSON.stringify(JSON.parse(body)) !== JSON.stringify(drawn)) return;
  const digest = await bodyDigest(body);
  const page = root.cloneNode(true) as HTMLElement;
  // The snapshot says how old it is itself; the app's banner (离线…) was about the page then.
  for (const banner of page.querySelectorAll('[data-testid=offline-banner]')) banner.remove();
  const note = document.createElement('div');
  note.className = 'tj-snapshot-mark';
  note.setAttribute('role', 'status');
  note.dataset.testid = 'snapshot-mark';
  note.textContent = mark(savedAt);
  // The rules that draw it (criticalCss.ts): the worker holds the 1 MB stylesheet back until it is painted.
  // Read off the page as drawn, not the clone: the browser matches selectors against live elements.
  const html = `<style>${criticalCss(root)}</style>${note.outerHTML}${page.innerHTML}`;
  // This build's stylesheet: a snapshot drawn by another build is not shown (its classes may differ).
  const stylesheet = document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')?.getAttribute('href') ?? '';
  await kept.put(SNAPSHOT_URL, new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', [SAVED_AT_HEADER]: savedAt, [SNAPSHOT_OF_HEADER]: readUrl, [SNAPSHOT_BODY_HEADER]: digest, [SNAPSHOT_CSS_HEADER]: stylesheet, [SNAPSHOT_STYLED_HEADER]: '1' } }));
}
