import { API_CACHE, SAVED_AT_HEADER } from '../sw/swRules.js';

// Whether what the page shows came from the service worker's kept answers (no network) and since
// when: the app's banner says "离线，显示的是 HH:mm 的数据". Tiny on purpose: the API client, part of the
// login page's JS, reports into it.

let savedAt: string | null = null;
const listeners = new Set<() => void>();

/** Called with every API answer: the time a kept answer was saved, or null for one from the network. */
export function noteAnswer(res: Response): void {
  const at = res.headers.get(SAVED_AT_HEADER);
  if (at === savedAt) return;
  // One answer from the network means the network is back: the page refetches what it shows on reconnect.
  savedAt = at;
  for (const l of listeners) l();
}

export const keptSince = (): string | null => savedAt;

export function onKeptChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The kept answers are the signed-in user's: dropped at login and logout, so nobody else sees them offline. */
export async function dropKeptAnswers(): Promise<void> {
  savedAt = null;
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
