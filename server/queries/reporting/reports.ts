import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ClaimStatus, ItemType, ReportStatus } from '../../../domain/work.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { fromJsonRow, jsonRowOf } from '../../db/jsonRows.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { blockers, evidence, orgUnits, reportEvidence, reports, reportSteps, taskUnits, users } from '../../db/schema/index.js';
import { maySeeReport } from '../../policies/report.js';
import { itemInfoFromJson, itemInfoJson, type ItemJson } from './items.js';
import { reportScope } from './scope.js';
import type { ReportDetailRow, ReportParts } from '../../models/reporting.js';

export interface ReportFilter {
  itemType?: ItemType | undefined;
  item?: string | undefined;
  unit?: string | undefined;
  status?: ReportStatus | undefined;
  period?: string | undefined;
}

/** The list's condition: what the actor may see, narrowed by the filter. */
export function reportWhere(db: Executor, actor: Actor | null, f: ReportFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [reportScope(db, actor)];
  if (f.itemType) conds.push(eq(reports.itemType, f.itemType));
  if (f.item) conds.push(eq(reports.itemId, f.item));
  if (f.unit) conds.push(eq(reports.unitId, f.unit));
  if (f.status) conds.push(eq(reports.status, f.status));
  if (f.period) conds.push(eq(reports.period, f.period));
  return and(...conds);
}

/** The reports the actor may see, filtered, newest first, one page, with their units' names and evidence files. */
export async function listReports(db: Executor, actor: Actor | null, f: ReportFilter, page: number, perPage: number) {
  const where = reportWhere(db, actor, f);
  const [rows, [count]] = await Promise.all([
    db
      .select({ report: reports, unitName: orgUnits.name, files })
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

export type { ReportDetailRow, ReportParts, ReportRow } from '../../models/reporting.js';

const steps = sql<{ s: Record<string, unknown>; actorName: string | null }[]>`coalesce((
  select json_agg(json_build_object('s', ${jsonRowOf(reportSteps)}, 'actorName', ${users.displayName}) order by ${reportSteps.id})
    from ${reportSteps} left join ${users} on ${users.id} = ${reportSteps.actorId} where ${reportSteps.reportId} = ${reports.id}), '[]'::json)`;
const files = sql<ReportParts['files']>`coalesce((
  select json_agg(json_build_object('sha256', ${reportEvidence.sha256}, 'name', ${reportEvidence.name}, 'size', ${evidence.size}, 'mime', ${evidence.mime}) order by ${reportEvidence.name})
    from ${reportEvidence} join ${evidence} on ${evidence.sha256} = ${reportEvidence.sha256} where ${reportEvidence.reportId} = ${reports.id}), '[]'::json)`;
// The resolver unit and the decider by name, as the blocker lists show them (交办 and 决策人).
const raised = sql<{ b: Record<string, unknown>; unitName: string | null; resolverUnitName: string | null; decidedByName: string | null }[]>`coalesce((
  select json_agg(json_build_object('b', ${jsonRowOf(blockers)}, 'unitName', ${orgUnits.name},
      'resolverUnitName', (select r.name from ${orgUnits} r where r.id = ${blockers.resolverUnitId}),
      'decidedByName', (select u.display_name from ${users} u where u.id = ${blockers.decidedById})) order by ${blockers.raisedAt})
    from ${blockers} left join ${orgUnits} on ${orgUnits.id} = ${blockers.unitId} where ${blockers.reportId} = ${reports.id}), '[]'::json)`;

const claimStatus = sql<string | null>`(select ${taskUnits.claimStatus} from ${taskUnits}
    where ${reports.itemType} = 'task' and ${taskUnits.taskId} = ${reports.itemId} and ${taskUnits.unitId} = ${reports.unitId})`;

const detailById = preparedPerDatabase((db) =>
  db
    .select({ report: reports, unitName: orgUnits.name, item: itemInfoJson(reports.itemType, reports.itemId), claimStatus, steps, files, raised })
    .from(reports)
    .leftJoin(orgUnits, eq(orgUnits.id, reports.unitId))
    .where(eq(reports.id, sql.placeholder('id')))
    .prepare('report_detail'),
);

/**
 * One report if the actor may see it, with everything its page shows, in one query: the detail is
 * read after every workflow step, so the item and the parts come as JSON beside the row rather than
 * in four more round trips. The statement is the same for everyone (prepared once); who may see
 * the report is decided on the row by maySeeReport, the one-row form of reportScope.
 */
export async function loadReportDetail(db: Executor, actor: Actor | null, id: string): Promise<ReportDetailRow | undefined> {
  const [row] = await detailById(db).execute({ id });
  if (!row) return undefined;
  const r = row.report;
  const item = itemInfoFromJson(r.itemType as ItemType, r.itemId, row.item as ItemJson | null);
  if (!maySeeReport(actor, { status: r.status as ReportStatus, unitId: r.unitId, taskForceId: item?.taskForceId ?? null })) return undefined;
  return {
    report: r,
    unitName: row.unitName,
    item,
    claimStatus: r.itemType === 'task' ? ((row.claimStatus ?? 'unclaimed') as ClaimStatus) : null,
    parts: {
      steps: row.steps.map((x) => ({ step: fromJsonRow(reportSteps, x.s), actorName: x.actorName })),
      files: row.files,
      raised: row.raised.map((x) => ({ blocker: fromJsonRow(blockers, x.b), unitName: x.unitName, resolverUnitName: x.resolverUnitName, decidedByName: x.decidedByName })),
    },
  };
}

/** Names of units, for lines that carry only ids. */
export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
