import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { complaints, orgUnits, oversightCases } from '../../db/schema/index.js';
import type { ComplaintRow, ComplaintStatusRow } from '../../models/complaints.js';


/**
 * A complaint by its tracking code with its case's status, in one indexed statement (unique index
 * on the code, the case by its source index), whether the code exists or not: an unknown code
 * takes the same path as a known one.
 */
export async function complaintByCode(db: Executor, code: string): Promise<ComplaintStatusRow | undefined> {
  const [row] = await db
    .select({
      trackingCode: complaints.trackingCode,
      environment: complaints.environment,
      createdAt: complaints.createdAt,
      reply: complaints.reply,
      repliedAt: complaints.repliedAt,
      caseStatus: sql<string>`coalesce(${oversightCases.status}, 'received')`,
    })
    .from(complaints)
    .leftJoin(oversightCases, and(eq(oversightCases.sourceKind, 'complaint'), eq(oversightCases.sourceId, complaints.id)))
    .where(eq(complaints.trackingCode, code))
    .limit(1);
  return row;
}

/** The complaint a case came from, with the chosen unit's name (the caller has checked the case is the reader's). */
export async function complaintOfCase(db: Executor, complaintId: string): Promise<{ row: ComplaintRow; chosenUnitName: string | null } | undefined> {
  const [found] = await db
    .select({ row: complaints, chosenUnitName: orgUnits.name })
    .from(complaints)
    .leftJoin(orgUnits, eq(orgUnits.id, complaints.unitId))
    .where(eq(complaints.id, complaintId));
  return found;
}
