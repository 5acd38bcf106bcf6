import { eq } from 'drizzle-orm';
import type { EvidenceRef } from '../../../domain/schemas/evidence.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { ledgerEvidence } from '../../db/schema/index.js';
import { attachableEvidence } from '../reporting/reportContent.js';

/**
 * Sets the evidence of an entry's rectification from the evidence store: the files the actor may
 * attach as to a report, and those this entry already had (a colleague's, kept on a new submission).
 */
export async function setLedgerEvidence(tx: Tx, actor: Actor, entryId: string, refs: readonly EvidenceRef[]): Promise<{ sha256: string; name: string }[]> {
  const kept = await tx.select({ sha256: ledgerEvidence.sha256, name: ledgerEvidence.name }).from(ledgerEvidence).where(eq(ledgerEvidence.entryId, entryId));
  await tx.delete(ledgerEvidence).where(eq(ledgerEvidence.entryId, entryId));
  const rows = await attachableEvidence(tx, actor, refs, kept);
  if (rows.length) await tx.insert(ledgerEvidence).values(rows.map((r) => ({ entryId, ...r })));
  return rows;
}
