import { and, eq, inArray } from 'drizzle-orm';
import { safeFileName } from '../../../domain/fileName.js';
import type { EvidenceRef } from '../../../domain/schemas/evidence.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { ledgerEvidence } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { attachableEvidence } from '../reporting/reportContent.js';

const refSha = (r: EvidenceRef) => (typeof r === 'string' ? r : r.sha256);

/**
 * Sets the evidence of an entry's rectification from the evidence store: a file the actor uploaded,
 * one a report they can see uses, or one this entry already had (a colleague's, kept on a new
 * submission); anything else is 422 naming its place in the list.
 */
export async function setLedgerEvidence(tx: Tx, actor: Actor, entryId: string, refs: readonly EvidenceRef[]): Promise<{ sha256: string; name: string }[]> {
  const shas = [...new Set(refs.map(refSha))];
  const kept = shas.length
    ? await tx
        .select({ sha256: ledgerEvidence.sha256, name: ledgerEvidence.name })
        .from(ledgerEvidence)
        .where(and(eq(ledgerEvidence.entryId, entryId), inArray(ledgerEvidence.sha256, shas)))
    : [];
  await tx.delete(ledgerEvidence).where(eq(ledgerEvidence.entryId, entryId));
  if (!shas.length) return [];
  const { exists, names } = await attachableEvidence(tx, actor, shas);
  for (const k of kept) if (!names.has(k.sha256)) names.set(k.sha256, k.name);
  const rows: { entryId: string; sha256: string; name: string }[] = [];
  for (const [i, ref] of refs.entries()) {
    const sha256 = refSha(ref);
    if (rows.some((r) => r.sha256 === sha256)) continue;
    if (!exists.has(sha256) || !names.has(sha256)) throw new AppError(422, 'evidence_unknown', { sha256: sha256.slice(0, 12) }, { [`evidence.${i}`]: sha256 });
    rows.push({ entryId, sha256, name: typeof ref === 'string' ? names.get(sha256)! : safeFileName(ref.name) });
  }
  await tx.insert(ledgerEvidence).values(rows);
  return rows.map(({ sha256, name }) => ({ sha256, name }));
}
