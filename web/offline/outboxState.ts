import type { ItemType, ProjectStage } from '../../domain/work.js';

// The phone's queue of reports (issue 24): what one queued report holds and how it moves. Pure: the
// store (outboxStore.ts) keeps entries, the sender (sendQueued.ts) takes the steps and asks here
// what follows each answer.

/** A photo picked with no network, downscaled; `key` is its upload's Idempotency-Key, `sha256` set once it is up. */
export interface QueuedPhoto {
  key: string;
  name: string;
  blob: Blob;
  sha256?: string;
}

/** Why a report stays on the device: the server's answer, in words the liaison reads. */
export interface Problem {
  status: number;
  code: string;
  message: string;
}

/**
 * waiting: to be sent at the next chance (no network, or the server was busy);
 * sending: a send is under way in this tab; held: the server refused it (or the session ended) —
 * it stays until the liaison resends, edits or deletes it.
 */
export type OutboxState = 'waiting' | 'sending' | 'held';

export interface QueuedReport {
  /** The entry's own id on the device (uuid v4). */
  key: string;
  /** The create's Idempotency-Key (uuid v4), made once when the report is queued and sent on every try. */
  createKey: string;
  /** Whose report: only this user's session ever sends it. */
  userId: string;
  queuedAt: string;
  item: { itemType: ItemType; itemId: string; code: string; title: string };
  period: string;
  body: {
    text: string;
    percent?: string;
    actual?: string;
    investment?: string;
    stage?: ProjectStage;
    evidence: { sha256: string; name: string }[];
    blockers: { title: string; detail: string }[];
  };
  photos: QueuedPhoto[];
  /** Set once the server created the report (a retry then only submits it). */
  reportId?: string;
  version?: number;
  /** The submit step's own Idempotency-Key. */
  submitKey: string;
  state: OutboxState;
  problem?: Problem;
  attempts: number;
}

/** What the sender does next with an entry, from what it already holds. */
export type NextStep = { step: 'upload'; photo: number } | { step: 'create' } | { step: 'submit' };

export function nextStep(e: QueuedReport): NextStep {
  const photo = e.photos.findIndex((p) => !p.sha256);
  if (photo >= 0 && !e.reportId) return { step: 'upload', photo };
  if (!e.reportId) return { step: 'create' };
  return { step: 'submit' };
}

/**
 * Whether a failed write may simply be tried again with the same Idempotency-Key: no answer (no
 * network, or the answer was lost), a busy or failing server. Any other status is the server's
 * refusal, which it keeps for that key.
 */
export const transientFailure = (status: number): boolean => status === 0 || status >= 500 || status === 408 || status === 429;

/**
 * How a failed step leaves the entry: no network, a busy or failing server → waiting (tried again
 * later, nothing lost); the session ended → held, to resend after signing in; any other refusal
 * (returned, period closed, claim withdrawn, invalid) → held with the server's reason.
 */
export function afterFailure(e: QueuedReport, err: { status: number; code: string; message: string }): QueuedReport {
  if (transientFailure(err.status)) return { ...e, state: 'waiting', attempts: e.attempts + 1, problem: err.status === 0 ? undefined : { ...err } };
  return { ...e, state: 'held', attempts: e.attempts + 1, problem: { ...err } };
}

/**
 * The liaison asks to send a held report again (e.g. after signing in anew). The server keeps the
 * first answer of a key, a refusal too: a request it refused made nothing, so the steps not yet done
 * get fresh keys, or the resend would only be told the same refusal again. A step that succeeded
 * keeps what it made (the photo's SHA-256, the report's id), so nothing is made twice.
 */
export function resend(e: QueuedReport, newKey: () => string = uuidV4): QueuedReport {
  return {
    ...e,
    state: 'waiting',
    problem: undefined,
    photos: e.photos.map((p) => (p.sha256 ? p : { ...p, key: newKey() })),
    createKey: e.reportId ? e.createKey : newKey(),
    submitKey: newKey(),
  };
}

/** A send left half-done (the tab closed while sending): it waits again; the keys make the retry safe. */
export const recover = (e: QueuedReport): QueuedReport => (e.state === 'sending' ? { ...e, state: 'waiting' } : e);

/** The entries a flush sends, oldest first: this user's, waiting. Another user's are never touched. */
export function sendable(entries: readonly QueuedReport[], userId: string): QueuedReport[] {
  return entries.filter((e) => e.userId === userId && e.state === 'waiting').sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** A uuid v4 from the platform's random source (crypto.randomUUID is missing outside secure contexts). */
export function uuidV4(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
