import { and, eq, inArray } from 'drizzle-orm';
import type { BlockerInline } from '../../../domain/schemas/blocker.js';
import { safeFileName } from '../../../domain/fileName.js';
import type { EvidenceRef } from '../../../domain/schemas/evidence.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { blockerItems, blockers, evidence, evidenceUploads, reportEvidence, reports } from '../../db/schema/index.js';
import { lightEnv, refreshItemLights } from '../../lights/refresh.js';
import { AppError } from '../../errors.js';
import { reportScope } from '../../queries/reporting/scope.js';

const refSha = (r: EvidenceRef) => (typeof r === 'string' ? r : r.sha256);

/**
 * The files of `refs` the actor may attach, each once, with the name to show: the one given, else
 * the name they know it by — a file they uploaded, one a report they can see uses (report once, use
 * everywhere), or one `known` names (what the record already holds). Anything else is 422 naming
 * its place in the list.
 */
export async function attachableEvidence(tx: Tx, actor: Actor, refs: readonly EvidenceRef[], known: readonly { sha256: string; name: string }[] = []): Promise<{ sha256: string; name: string }[]> {
  const shas = [...new Set(refs.map(refSha))];
  if (!shas.length) return [];
  // One after the other: the three reads share the transaction's connection.
  const stored = await tx.select({ sha256: evidence.sha256 }).from(evidence).where(inArray(evidence.sha256, shas));
  const uploaded = await tx
      .select({ sha256: evidenceUploads.sha256, name: evidenceUploads.name })
      .from(evidenceUploads)
      .where(and(eq(evidenceUploads.userId, actor.userId), inArray(evidenceUploads.sha256, shas)));
  const seen = await tx
      .select({ sha256: reportEvidence.sha256, name: reportEvidence.name })
      .from(reportEvidence)
      .innerJoin(reports, eq(reports.id, reportEvidence.reportId))
      .where(and(inArray(reportEvidence.sha256, shas), reportScope(tx, actor)));
  const exists = new Set(stored.map((s) => s.sha256));
  const names = new Map<string, string>([...known, ...seen, ...uploaded].map((u) => [u.sha256, u.name]));
  const rows: { sha256: string; name: string }[] = [];
  for (const [i, ref] of refs.entries()) {
    const sha256 = refSha(ref);
    if (rows.some((r) => r.sha256 === sha256)) continue;
    if (!exists.has(sha256) || !names.has(sha256)) throw new AppError(422, 'evidence_unknown', { sha256: sha256.slice(0, 12) }, { [`evidence.${i}`]: sha256 });
    rows.push({ sha256, name: typeof ref === 'string' ? names.get(sha256)! : safeFileName(ref.name) });
  }
  return rows;
}

/** Sets a report's evidence list: the files the actor may attach (attachableEvidence). */
export async function setReportEvidence(tx: Tx, actor: Actor, reportId: string, refs: EvidenceRef[]): Promise<{ sha256: string; name: string }[]> {
  await tx.delete(reportEvidence).where(eq(reportEvidence.reportId, reportId));
  const rows = await attachableEvidence(tx, actor, refs);
  if (rows.length) await tx.insert(reportEvidence).values(rows.map((r) => ({ reportId, ...r })));
  return rows;
}

/** Blockers raised inside a report: the report's unit raises them at unit level, linked to the report. */
export async function raiseInlineBlockers(tx: Tx, actor: Actor, report: typeof reports.$inferSelect, inputs: BlockerInline[]) {
  if (!inputs.length) return [];
  const raised = await tx
    .insert(blockers)
    .values(
      inputs.map((b) => ({
        itemType: report.itemType,
        itemId: report.itemId,
        reportId: report.id,
        unitId: report.unitId,
        title: b.title,
        detail: b.detail,
        category: b.category,
        helpAsked: b.helpAsked,
        raisedById: actor.userId,
      })),
    )
    .returning();
  await tx.insert(blockerItems).values(raised.map((b) => ({ blockerId: b.id, itemType: b.itemType, itemId: b.itemId })));
  await refreshItemLights(tx, [{ itemType: report.itemType, itemId: report.itemId }], await lightEnv(tx));
  return raised;
}
