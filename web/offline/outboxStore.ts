import type { QueuedReport } from './outboxState.js';

// The queue on the device: IndexedDB (photos are Blobs, which it stores as they are), one store keyed
// by the report's idempotency key, with an index by user. Every change is announced to this tab's
// listeners and, through a BroadcastChannel, to the app's other tabs.

const DB = 'tuijin-outbox';
const STORE = 'reports';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(DB) : null;
const listeners = new Set<() => void>();
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

let opened: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('userId', 'userId');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opened = null;
      reject(req.error ?? new Error('indexedDB'));
    };
  });
  return opened;
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? new Error('indexedDB'));
        tx.onabort = () => reject(tx.error ?? new Error('indexedDB aborted'));
      }),
  );
}

function changed(): void {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

export const queuedOf = (userId: string) => run<QueuedReport[]>('readonly', (s) => s.index('userId').getAll(userId));
export const queued = (key: string) => run<QueuedReport | undefined>('readonly', (s) => s.get(key));

export async function putQueued(e: QueuedReport): Promise<void> {
  await run('readwrite', (s) => s.put(e));
  changed();
}

export async function deleteQueued(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
  changed();
}

/** Logout: the user's queue leaves the device with them (after the warning). */
export async function clearQueued(userId: string): Promise<void> {
  for (const e of await queuedOf(userId)) await run('readwrite', (s) => s.delete(e.key));
  changed();
}

export function onQueueChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
