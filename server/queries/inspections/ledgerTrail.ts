import { and, asc, eq } from 'drizzle-orm';
import type { LedgerVerdict } from '../../../domain/ledger.js';
import { ledgerTrail, type TrailStep } from '../../../domain/ledgerTrail.js';
import type { Executor } from '../../db/client.js';
import { auditLog, users } from '../../db/schema/index.js';
import type { LedgerRow } from '../../models/inspections.js';
import { userNames } from '../users.js';

/** One entry's trail (跟踪问效): its audit records with their actors' names, or its row when it has none. */
export async function loadLedgerTrail(db: Executor, e: LedgerRow): Promise<TrailStep[]> {
  const records = await db
    .select({ action: auditLog.action, at: auditLog.at, actorName: users.displayName, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, 'ledger'), eq(auditLog.entityId, e.id)))
    .orderBy(asc(auditLog.id));
  const ids = [e.createdById, e.acknowledgedById, e.rectifiedById, e.verifiedById, e.closedById, e.reopenedById].filter((x): x is string => !!x);
  const names = await userNames(db, ids);
  const who = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return ledgerTrail(records, {
    finding: e.finding,
    createdAt: e.createdAt,
    createdBy: who(e.createdById),
    acknowledgedAt: e.acknowledgedAt,
    acknowledgedBy: who(e.acknowledgedById),
    rectifiedAt: e.rectifiedAt,
    rectifiedBy: who(e.rectifiedById),
    measures: e.measures,
    verifiedAt: e.verifiedAt,
    verifiedBy: who(e.verifiedById),
    verdict: e.verdict as LedgerVerdict | null,
    verifyComment: e.verifyComment,
    closedAt: e.closedAt,
    closedBy: who(e.closedById),
    reopenedAt: e.reopenedAt,
    reopenedBy: who(e.reopenedById),
    reopenReason: e.reopenReason,
  });
}
