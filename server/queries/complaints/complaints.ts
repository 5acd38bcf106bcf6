import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { complaintFiles, complaints, evidence, orgUnits, oversightCases } from '../../db/schema/index.js';
import type { ComplaintFileRow, ComplaintRow, ComplaintStatusRow } from '../../models/complaints.js';

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

/** The files a complaint came with, in the order attached (the caller has checked the case is the reader's). */
export async function complaintFilesOf(db: Executor, complaintId: string): Promise<ComplaintFileRow[]> {
  return db
    .select({ sha256: complaintFiles.sha256, name: complaintFiles.name, mime: evidence.mime, size: evidence.size })
    .from(complaintFiles)
    .innerJoin(evidence, eq(evidence.sha256, complaintFiles.sha256))
    .where(eq(complaintFiles.complaintId, complaintId))
    .orderBy(complaintFiles.position);
}

/** One of a complaint's files with its bytes, or undefined when the complaint has no such file. */
export async function complaintFile(db: Executor, complaintId: string, sha256: string): Promise<{ name: string; mime: string; content: Buffer } | undefined> {
  // Read as base64 text: much faster than a bytea value on the embedded database.
  const [file] = await db
    .select({ name: complaintFiles.name, mime: evidence.mime, content: sql<string>`encode(${evidence.content}, 'base64')` })
    .from(complaintFiles)
    .innerJoin(evidence, eq(evidence.sha256, complaintFiles.sha256))
    .where(and(eq(complaintFiles.complaintId, complaintId), eq(complaintFiles.sha256, sha256)));
  return file ? { name: file.name, mime: file.mime, content: Buffer.from(file.content, 'base64') } : undefined;
}
