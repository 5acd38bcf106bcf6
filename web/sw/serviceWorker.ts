// The service worker (issue 24): built by web/sw/vitePlugin.ts into dist/web/sw.js with the list of
// this build's files it keeps. It keeps the app shell and the hashed assets, so the app opens with
// no network; the reads a liaison needs to see the workbench and write a report go to the network
// first and fall back to the last answer kept, marked so the page can say how old it is.
import {
  API_CACHE,
  cacheableApiPath,
  SAVED_AT_HEADER,
  SHELL_CACHE_PREFIX,
  OUTBOX_SYNC_TAG,
  ASSET_CACHE,
  SNAPSHOT_URL,
  SNAPSHOT_OF_HEADER,
  SNAPSHOT_PATHS,
  snapshotCurrent,
  snapshotFits,
  withSnapshot,
  SNAPSHOT_CSS_HEADER,
  SNAPSHOT_BODY_HEADER,
  bodyDigest,
  CLAIM_MESSAGE,
  SNAPSHOT_STYLED_HEADER,
  holdHeadLinks,
} from './swRules.js';

// The SW's own globals: the project's TypeScript lib is the DOM's, not WebWorker's (both cannot be on).
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface MessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface SwScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(o?: { type?: string; includeUncontrolled?: boolean }): Promise<{ postMessage(m: unknown): void }[]> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'sync', fn: (e: SyncEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  location: Location;
}
declare const self: SwScope;
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__VERSION__}`;
const PRECACHED = new Set(__PRECACHE__);

self.addEventListener('install', (e) => {
  // The new version takes over at once: its shell is complete before it does, and the hashed assets an open page still asks for stay in the asset cache.
  e.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((c) => c.addAll(__PRECACHE__))
      .then(() => self.skipWaiting()),
  );
});

// A page whose document was made while this worker activated is missed by activate's claim (seen in
// Chromium: the worker active, the page never controlled, so nothing it opened was kept for offline):
// such a page asks again (web/sw/register.ts).
self.addEventListener('message', (e) => {
  if (e.data === CLAIM_MESSAGE) e.waitUntil(self.clients.claim());
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** From the cache when there, else from the network (and kept: hashed names never change). */
async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
  const hit = await caches.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await (await caches.open(cacheName)).put(req, res.clone());
  return res;
}

/** The network's answer (kept with the time it came), or, when the network fails, the last one kept. */
async function networkFirst(req: Request): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(req);
  } catch (err) {
    const kept = await (await caches.open(API_CACHE)).match(req);
    if (kept) return kept;
    throw err;
  }
  if (res.status === 200) {
    const headers = new Headers(res.headers);
    headers.set(SAVED_AT_HEADER, new Date().toISOString());
    const copy = new Response(await res.clone().blob(), { status: 200, statusText: res.statusText, headers });
    await (await caches.open(API_CACHE)).put(req, copy);
  } else if (res.status === 401 || res.status === 403) {
    // Not this user's any more: what was kept for them must not be shown offline later.
    await (await caches.open(API_CACHE)).delete(req);
  }
  return res;
}

/** Every page of the web app is index.html (the router reads the path); the shell kept with this version. */
async function shell(req: Request): Promise<Response> {
  const hit = await caches.match('/index.html', { cacheName: SHELL_CACHE });
  if (hit) return hit;
  return fetch(req);
}

/**
 * The shell with the user's last workbench drawn in it (web/offline/workbenchSnapshot.ts), so a slow
 * phone shows the due lines, real links, at the first paint instead of after the app's 2–3 s boot;
 * the plain shell when there is no snapshot or the kept read now says something else than the one it was drawn from.
 */
async function shellWithSnapshot(req: Request): Promise<Response> {
  const page = await shell(req);
  if (!page.ok) return page;
  const kept = await caches.open(API_CACHE);
  const snap = await kept.match(SNAPSHOT_URL);
  const of = snap?.headers.get(SNAPSHOT_OF_HEADER);
  if (!snap || !of) return page;
  const read = await kept.match(of);
  if (!snapshotCurrent(snap.headers.get(SNAPSHOT_BODY_HEADER), read ? await bodyDigest(await read.text()) : null)) return page;
  const index = await page.clone().text();
  if (!snapshotFits(index, snap.headers.get(SNAPSHOT_CSS_HEADER))) return page;
  const stylesheet = snap.headers.get(SNAPSHOT_CSS_HEADER)!;
  const html = withSnapshot(snap.headers.get(SNAPSHOT_STYLED_HEADER) ? holdHeadLinks(index, stylesheet) : index, await snap.text());
  if (html === null) return page;
  const headers = new Headers(page.headers);
  headers.delete('content-length');
  return new Response(html, { status: 200, headers });
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (req.mode === 'navigate') {
    // The API and the public portal (its own page) are not the app shell.
    if (path.startsWith('/api/') || path === '/public' || (path.startsWith('/public/') && !path.startsWith('/public/complaint')) || path === '/metrics') return;
    e.respondWith(SNAPSHOT_PATHS.includes(path) ? shellWithSnapshot(req) : shell(req));
    return;
  }
  if (PRECACHED.has(path) || path.startsWith('/assets/')) {
    e.respondWith(cacheFirst(req, ASSET_CACHE));
    return;
  }
  if (cacheableApiPath(path)) e.respondWith(networkFirst(req));
});

// Background Sync: the browser wakes the worker when the network is back; the page that is open sends
// the queued reports (it holds the session's CSRF token). With no page open they go at the next open.
self.addEventListener('sync', (e) => {
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const c of clients) c.postMessage({ type: OUTBOX_SYNC_TAG });
    }),
  );
});
