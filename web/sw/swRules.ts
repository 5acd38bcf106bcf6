// What the service worker and the page agree on: cache names, the header that marks a kept answer,
// and which reads are kept for offline use. No DOM or worker globals here: both sides import it.

/** The shell of one build: index.html, the entry and the pages a liaison uses, replaced with each version. */
export const SHELL_CACHE_PREFIX = 'tuijin-shell-';
/** Hashed assets fetched on the way (their names never change). */
export const ASSET_CACHE = 'tuijin-assets';
/** The last answers of the reads below, per URL; the signed-in user's, cleared at login and logout. */
export const API_CACHE = 'tuijin-api';
/** Set by the worker on every answer it keeps: when the network gave it (ISO time). */
export const SAVED_AT_HEADER = 'x-tuijin-saved-at';
/**
 * The installed app's first screen (issue 24: due items on screen in ≤ 1 s on a slow phone): the
 * workbench as the page last drew it, kept in API_CACHE under this address (never a server path),
 * and served by the worker inside index.html until the app has booted and drawn its own.
 */
export const SNAPSHOT_URL = '/offline/workbench-snapshot';
/** On the snapshot: the kept read it was drawn from. */
export const SNAPSHOT_OF_HEADER = 'x-tuijin-snapshot-of';
/** On the snapshot: the digest of that read's body as it was drawn (bodyDigest). */
export const SNAPSHOT_BODY_HEADER = 'x-tuijin-snapshot-body';
/** On the snapshot: the stylesheet of the build that drew it (its classes and CSS variables are that build's). */
export const SNAPSHOT_CSS_HEADER = 'x-tuijin-snapshot-css';
/**
 * On the snapshot: it carries the CSS rules that draw it (web/offline/criticalCss.ts), so the worker
 * may hold the build's stylesheet back until it is painted. A snapshot kept before it carries only
 * Ant Design's variables: shown with the stylesheet as before.
 */
export const SNAPSHOT_STYLED_HEADER = 'x-tuijin-snapshot-styled';
/** On a link the worker held back under the snapshot: its own rel (stylesheet, modulepreload); web/sw/heldLinks.ts gives it back. */
export const LATE_STYLESHEET_ATTR = 'data-tj-late';
/** The rel a held link has meanwhile: none the browser knows, so it fetches nothing. */
export const HELD_REL = 'tj-held';
/** The element the snapshot is drawn in, before #root; the app removes it once it shows its own. */
export const SNAPSHOT_ID = 'tj-snapshot';
/** Where the installed app opens (the manifest's start_url, which sends a liaison on) and the workbench itself. */
export const SNAPSHOT_PATHS: readonly string[] = ['/app', '/work/unit'];
/** What a page the worker does not control yet sends it, so that the worker takes it (clients.claim). */
export const CLAIM_MESSAGE = 'tuijin-claim';
/** Background Sync's tag for the report queue. */
export const OUTBOX_SYNC_TAG = 'tuijin-outbox';

/**
 * The reads a liaison needs with no network: who is signed in, the unit's workbench and its report
 * lists, and, for a report, the item's head and brief. Nothing else is kept (other pages are not
 * promised offline, and keeping every answer would fill the device).
 */
const KEPT = [
  /^\/api\/me$/,
  /^\/api\/workbench\/unit$/,
  /^\/api\/reports\/brief$/,
  /^\/api\/reports$/,
  /^\/api\/(tasks|targets|projects)\/[0-9a-f-]{36}$/,
];

export function cacheableApiPath(path: string): boolean {
  return KEPT.some((re) => re.test(path));
}

/** A read's body as a short hex digest (SHA-256): the page and the worker compare what a snapshot was drawn from with what is kept now. */
export async function bodyDigest(body: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether the kept snapshot may be shown: only while the read kept now says what the read it was
 * drawn from said (same body digest). Not the same saved-at: every online read is kept again with a
 * new time, and a second read with the same answer (the router's read-ahead, then the page's) would
 * otherwise hide a snapshot that still shows exactly what the app will (CI runs drew none). A changed
 * answer, or none kept (dropped at logout, refused with 401/403), serves the plain shell instead.
 */
export function snapshotCurrent(snapshotDigest: string | null, keptDigest: string | null): boolean {
  return !!snapshotDigest && snapshotDigest === keptDigest;
}

/** Whether a snapshot drawn with `stylesheet` fits this index.html: after an update its classes may mean something else, so it waits for the new build's own. */
export function snapshotFits(indexHtml: string, stylesheet: string | null): boolean {
  return !!stylesheet && indexHtml.includes(`href="${stylesheet}"`);
}

/** index.html with the snapshot drawn before the app's root (the app still boots into #root). */
export function withSnapshot(indexHtml: string, snapshotHtml: string): string | null {
  const root = '<div id="root"></div>';
  const at = indexHtml.indexOf(root);
  if (at < 0) return null;
  return `${indexHtml.slice(0, at)}<div id="${SNAPSHOT_ID}">${snapshotHtml}</div>${indexHtml.slice(at)}`;
}

/**
 * index.html with the build's stylesheet and the app's modulepreloads held back (an unknown rel: not
 * fetched), for a snapshot that carries its own rules. On a fresh renderer (a cold open at 4× CPU) the
 * stylesheet's ~1 MB was parsed before the first paint (~0.2 s), and the fifteen preloads' answers,
 * handled on the page's thread between the parser's turns, took another ~0.2 s and drew a frame of
 * the half-parsed page. The page gives them back once the snapshot is painted (web/sw/heldLinks.ts).
 */
export function holdHeadLinks(indexHtml: string, stylesheet: string): string {
  return indexHtml.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = /\brel="(stylesheet|modulepreload)"/.exec(tag)?.[1];
    if (!rel || (rel === 'stylesheet' && !tag.includes(`href="${stylesheet}"`))) return tag;
    return tag.replace(`rel="${rel}"`, `rel="${HELD_REL}" ${LATE_STYLESHEET_ATTR}="${rel}"`);
  });
}
