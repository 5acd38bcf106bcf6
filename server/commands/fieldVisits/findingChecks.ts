import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { fieldVisitFindings, fieldVisits } from '../../db/schema/index.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import type { FieldVisitRow, FindingRow } from '../../models/fieldVisit.js';
import { logsFor } from '../../policies/fieldVisit.js';
import { fieldVisitScope } from '../../queries/fieldVisits/fieldVisits.js';

/**
 * The finding locked for its one step: 404 outside what the actor may read, 403 unless the actor
 * logs for the visit's task force, 409 once it has become something (a finding is acted on once).
 */
export async function lockFinding(tx: Tx, actor: Actor, visitId: string, findingId: string, version?: number): Promise<{ visit: FieldVisitRow; finding: FindingRow }> {
  const [visit] = await tx
    .select()
    .from(fieldVisits)
    .where(and(eq(fieldVisits.id, visitId), fieldVisitScope(actor)))
    .for('update');
  if (!visit) throw notFound('field_visit');
  if (!logsFor(actor, visit)) throw new AppError(403, 'visit_body_not_yours');
  const [finding] = await tx
    .select()
    .from(fieldVisitFindings)
    .where(and(eq(fieldVisitFindings.id, findingId), eq(fieldVisitFindings.visitId, visitId)))
    .for('update');
  if (!finding) throw notFound('finding');
  if (version !== undefined && version !== finding.version) throw versionConflict();
  if (finding.outcome) throw new AppError(409, 'finding_already_acted', { outcome: `@finding_outcome_${finding.outcome}` });
  return { visit, finding };
}

/** The finding marks what it became. */
export async function markFinding(tx: Tx, finding: FindingRow, set: { outcome: 'blocker'; blockerId: string } | { outcome: 'follow_up'; dispatchId: string }) {
  await tx
    .update(fieldVisitFindings)
    .set({ ...set, version: finding.version + 1 })
    .where(eq(fieldVisitFindings.id, finding.id));
}
