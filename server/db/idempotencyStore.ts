import { and, eq, lte, sql } from 'drizzle-orm';
import type { Executor, Tx } from './client.js';
import { idempotencyKeys } from './schema/index.js';

export type StoredAnswer = Pick<typeof idempotencyKeys.$inferSelect, 'requestHash' | 'status' | 'contentType' | 'body'>;

interface KeyOf {
  userId: string;
  key: string;
}

/**
 * Takes the user's key for this request in the write's transaction, or finds the answer it already
 * has. The insert waits while another transaction holds the same key (a concurrent request with
 * it), and then sees that one's row if it committed or takes the key if it rolled back: so exactly
 * one of two concurrent requests runs, and the other gets its answer. A row from before `expiredAt`
 * is taken over: an old key runs as new.
 */
export async function claimKey(tx: Tx, k: KeyOf & { requestHash: string; now: Date; expiredAt: Date }): Promise<StoredAnswer | 'claimed'> {
  // The answer is written by saveAnswer before this transaction commits; nobody sees these placeholders.
  const fresh = { requestHash: k.requestHash, status: 0, contentType: null, body: '', createdAt: k.now };
  const taken = await tx
    .insert(idempotencyKeys)
    .values({ userId: k.userId, key: k.key, ...fresh })
    .onConflictDoUpdate({ target: [idempotencyKeys.userId, idempotencyKeys.key], set: fresh, setWhere: lte(idempotencyKeys.createdAt, k.expiredAt) })
    .returning({ userId: idempotencyKeys.userId });
  if (taken.length) return 'claimed';
  const [stored] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, contentType: idempotencyKeys.contentType, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, k.userId), eq(idempotencyKeys.key, k.key)));
  // Only a purge between the two statements could take the row away: then nothing answers for the key.
  if (!stored) throw new Error('idempotency key vanished while claimed');
  return stored;
}

/** The answer of the request that claimed the key, in the same transaction as its write. */
export async function saveAnswer(tx: Tx, k: KeyOf & { status: number; contentType: string | null; body: string }): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: k.status, contentType: k.contentType, body: k.body })
    .where(and(eq(idempotencyKeys.userId, k.userId), eq(idempotencyKeys.key, k.key)));
}

/** Deletes the keys whose answers are no longer repeated (the midnight job); returns how many went. */
export async function dropExpiredKeys(db: Executor, expiredAt: Date): Promise<number> {
  const gone = await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, expiredAt)).returning({ n: sql<number>`1` });
  return gone.length;
}
