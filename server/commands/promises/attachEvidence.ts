import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { EvidenceRef } from '../../../domain/schemas/evidence.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { attachableEvidence } from '../reporting/reportContent.js';

type EvidenceTable = PgTable & { sha256: PgColumn; name: PgColumn };

/**
 * Replaces the evidence of one written answer or promise (as `setLedgerEvidence` does an entry's):
 * the files the actor may attach as to a report, and those it already had (a colleague's, kept).
 */
export async function replaceEvidence(tx: Tx, actor: Actor, table: EvidenceTable, owner: PgColumn, ownerKey: string, ownerId: string, refs: readonly EvidenceRef[]) {
  const kept = (await tx.select({ sha256: table.sha256, name: table.name }).from(table).where(eq(owner, ownerId))) as { sha256: string; name: string }[];
  await tx.delete(table).where(eq(owner, ownerId));
  const rows = await attachableEvidence(tx, actor, refs, kept);
  if (rows.length) await tx.insert(table).values(rows.map((r) => ({ [ownerKey]: ownerId, ...r })) as never);
  return rows;
}
