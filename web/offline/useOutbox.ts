import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { reportChanged } from '../api/queryKeys.js';
import { OUTBOX_SYNC_TAG } from '../sw/swRules.js';
import type { QueuedReport } from './outboxState.js';
import { onQueueChange, queuedOf } from './outboxStore.js';
import { flushOutbox } from './sendQueued.js';

/** The user's queued reports, live (this tab's changes and other tabs'); null while they load. */
export function useOutbox(userId: string): QueuedReport[] | null {
  const [entries, setEntries] = useState<QueuedReport[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void queuedOf(userId).then(
        (e) => live && setEntries(e.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))),
        () => live && setEntries([]),
      );
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, [userId]);
  return entries;
}

/** A report that waits after a busy server or a lost answer is tried again this often while the app is open. */
const RETRY_MS = 30_000;

/**
 * Sends the user's queue when the app opens, when the network comes back (`online`), when
 * Background Sync wakes the service worker (it tells the page), and every RETRY_MS while any
 * report waits; what was sent refreshes the lists.
 */
export function useOutboxFlusher(userId: string): void {
  const qc = useQueryClient();
  useEffect(() => {
    const go = () =>
      void flushOutbox(userId).then(
        (n) => n > 0 && reportChanged(qc),
        () => undefined,
      );
    go();
    const onMessage = (e: MessageEvent) => (e.data as { type?: string } | null)?.type === OUTBOX_SYNC_TAG && go();
    window.addEventListener('online', go);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    const timer = window.setInterval(go, RETRY_MS);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', go);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [userId, qc]);
}

/** Asks the browser to wake the service worker when the network returns (Chromium has Background Sync; others send at `online` or the next open). */
export async function requestBackgroundSync(): Promise<void> {
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}
