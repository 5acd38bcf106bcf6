import { useSyncExternalStore } from 'react';
import { keptSince, onKeptChange } from './keptAnswers.js';

function subscribe(fn: () => void): () => void {
  window.addEventListener('online', fn);
  window.addEventListener('offline', fn);
  const off = onKeptChange(fn);
  return () => {
    window.removeEventListener('online', fn);
    window.removeEventListener('offline', fn);
    off();
  };
}

/** Whether the device has a network: the browser says so, and the page is not showing answers the service worker kept. */
const online = (): boolean => navigator.onLine !== false && !keptSince();

/** Live: false while the device is offline (then a write would not reach the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, online);
}
