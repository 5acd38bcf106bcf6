import { rateLimited } from '../errors.js';
import type { Ctx } from '../context.js';
import { countHits, pruneWindows } from './rateCounters.js';

/** How many public (no login) complaint submissions and tracking lookups are let through. */
export interface PublicLimits {
  /** Complaints one address may file per `submitWindowSeconds`. */
  submitPerAddress: number;
  submitWindowSeconds: number;
  /** Complaints all addresses together may file per minute. */
  submitOverallPerMinute: number;
  /** Tracking lookups one address may make per minute (guessing codes). */
  lookupPerAddressPerMinute: number;
  /** Tracking lookups all addresses together may make per minute. */
  lookupOverallPerMinute: number;
  /** Reads of the public portal (its page, articles, images) one address may make per minute. */
  readPerAddressPerMinute: number;
}

/**
 * Production defaults: an enterprise files a complaint or two, a district a few hundred a day at
 * most; 1,000 junk submissions a minute from one address get 5 through every 10 minutes. Set in
 * buildApp's `publicLimits` (tests, the bench).
 */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  submitPerAddress: 5,
  submitWindowSeconds: 600,
  submitOverallPerMinute: 200,
  lookupPerAddressPerMinute: 30,
  lookupOverallPerMinute: 600,
  // A visitor reads a few pages a minute; an office behind one address, a few dozen people.
  readPerAddressPerMinute: 600,
};

const PRUNE_EVERY_MS = 60_000;
/** Addresses whose portal reads are counted at once; beyond it the ended windows go, then all. */
const READ_ADDRESSES = 50_000;

export interface PublicThrottle {
  readonly limits: PublicLimits;
  /** Counts a submission from the request's address: 429 with Retry-After beyond either limit. */
  submit(ctx: Ctx): Promise<void>;
  /** Counts a tracking lookup likewise. */
  lookup(ctx: Ctx): Promise<void>;
  /** Counts a public portal read from the request's address: 429 with Retry-After beyond its limit. */
  read(ctx: Ctx): void;
}

/**
 * Portal reads are counted in this process's memory, not in the database's counters: a kept read
 * costs no statement, and counting it must not cost a write. What the limit guards is this
 * process's CPU, so a count per process is the right one (behind n instances an address gets n×).
 */
function readCounter(perMinute: () => number) {
  const windows = new Map<string, { hits: number; ends: number }>();
  return (address: string) => {
    const now = Date.now();
    if (windows.size >= READ_ADDRESSES) {
      for (const [k, w] of windows) if (w.ends <= now) windows.delete(k);
      if (windows.size >= READ_ADDRESSES) windows.clear();
    }
    let w = windows.get(address);
    if (!w || w.ends <= now) {
      w = { hits: 0, ends: now + 60_000 };
      windows.set(address, w);
    }
    if (++w.hits > perMinute()) throw rateLimited((w.ends - now) / 1000);
  };
}

/**
 * Counters in the database (server/security/rateCounters.ts), shared by every app instance on it.
 * Refusals are not audited: the submissions are anonymous and a flood must not flood the log.
 */
export function publicThrottle(limits: PublicLimits = DEFAULT_PUBLIC_LIMITS): PublicThrottle {
  let prunedAt = 0;
  const check = async (ctx: Ctx, windows: { key: string; max: number; seconds: number }[]) => {
    const db = ctx.database.db;
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneWindows(db);
    }
    const bySeconds = new Map<number, typeof windows>();
    for (const w of windows) bySeconds.set(w.seconds, [...(bySeconds.get(w.seconds) ?? []), w]);
    const over: number[] = [];
    for (const [seconds, ws] of bySeconds) {
      const max = new Map(ws.map((w) => [w.key, w.max]));
      for (const c of await countHits(db, ws.map((w) => w.key), seconds)) if (c.hits > max.get(c.key)!) over.push(c.retryAfter);
    }
    if (over.length) throw rateLimited(Math.max(...over));
  };
  const address = (ctx: Ctx) => ctx.ip ?? 'unknown';
  const countRead = readCounter(() => limits.readPerAddressPerMinute);
  return {
    limits,
    read: (ctx) => countRead(address(ctx)),
    submit: (ctx) =>
      check(ctx, [
        { key: `complaint:address:${address(ctx)}`, max: limits.submitPerAddress, seconds: limits.submitWindowSeconds },
        { key: 'complaint:overall', max: limits.submitOverallPerMinute, seconds: 60 },
      ]),
    lookup: (ctx) =>
      check(ctx, [
        { key: `complaint-lookup:address:${address(ctx)}`, max: limits.lookupPerAddressPerMinute, seconds: 60 },
        { key: 'complaint-lookup:overall', max: limits.lookupOverallPerMinute, seconds: 60 },
      ]),
  };
}
