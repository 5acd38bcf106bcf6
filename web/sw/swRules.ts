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
