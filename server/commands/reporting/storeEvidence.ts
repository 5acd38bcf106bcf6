import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { evidence } from '../../db/schema/index.js';

/** The SHA-256 an evidence file is stored and served by (lower-case hex). */
export const evidenceSha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Puts bytes in the evidence store, once by their SHA-256 (the same bytes again add no second
 * copy), in the caller's transaction: they are kept only if it commits. `createdById` is null for
 * a file no user sent (a public complaint's).
 */
export async function storeEvidence(tx: Tx, file: { sha256: string; bytes: Buffer; mime: string }, createdById: string | null): Promise<void> {
  // Sent as base64 text and decoded by the database: the embedded database takes a 5 MB bytea
  // parameter some twenty times slower than the same bytes as text.
  const content = sql`decode(${file.bytes.toString('base64')}, 'base64')`;
  await tx.insert(evidence).values({ sha256: file.sha256, size: file.bytes.length, mime: file.mime, content, createdById }).onConflictDoNothing();
}
