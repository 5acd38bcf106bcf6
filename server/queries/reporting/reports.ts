import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { blockers, evidence, orgUnits, reportEvidence, reports, reportSteps, users } from '../../db/schema/index.js';
import { reportScope } from './scope.js';

export interface ReportFilter {
  itemType?: ItemType | undefined;
  item?: string | undefined;
  unit?: string | undefined;
  status?: ReportStatus | undefined;
  period?: string | undefined;
}

/** The reports the actor may see, filtered, newest first, one page, with their units' names. */
export async function listReports(db: Executor, actor: Actor | null, f: ReportFilter, page: number, perPage: number) {
  const conds: (SQL | undefined)[] = [reportScope(db, actor)];
  if (f.itemType) conds.push(eq(reports.itemType, f.itemType));
  if (f.item) conds.push(eq(reports.itemId, f.item));
  if (f.unit) conds.push(eq(reports.unitId, f.unit));
  if (f.status) conds.push(eq(reports.status, f.status));
  if (f.period) conds.push(eq(reports.period, f.period));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select({ report: reports, unitName: orgUnits.name })
      .from(reports)
      .leftJoin(orgUnits, eq(orgUnits.id, reports.unitId))
      .where(where)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(reports).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** One report if the actor may see it. */
export async function findVisibleReport(db: Executor, actor: Actor | null, id: string) {
  const [row] = await db
    .select({ report: reports, unitName: orgUnits.name })
    .from(reports)
    .leftJoin(orgUnits, eq(orgUnits.id, reports.unitId))
    .where(and(eq(reports.id, id), reportScope(db, actor)));
  return row;
}

/** A report's timed history, evidence and blockers. */
export async function reportParts(db: Executor, id: string) {
  const [steps, files, raised] = await Promise.all([
    db
      .select({ step: reportSteps, actorName: users.displayName })
      .from(reportSteps)
      .leftJoin(users, eq(users.id, reportSteps.actorId))
      .where(eq(reportSteps.reportId, id))
      .orderBy(asc(reportSteps.id)),
    db
      .select({ sha256: reportEvidence.sha256, name: reportEvidence.name, size: evidence.size, mime: evidence.mime })
      .from(reportEvidence)
      .innerJoin(evidence, eq(evidence.sha256, reportEvidence.sha256))
      .where(eq(reportEvidence.reportId, id))
      .orderBy(asc(reportEvidence.name)),
    db
      .select({ blocker: blockers, unitName: orgUnits.name })
      .from(blockers)
      .leftJoin(orgUnits, eq(orgUnits.id, blockers.unitId))
      .where(eq(blockers.reportId, id))
      .orderBy(asc(blockers.raisedAt)),
  ]);
  return { steps, files, raised };
}

/** Names of units, for lines that carry only ids. */
export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
