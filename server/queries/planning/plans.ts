import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PlanKind, PlanStatus } from '../../../domain/work.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { areas, auditLog, bodies, orgUnits, planAreas, plans, planVersions, projects, targets, tasks, users } from '../../db/schema/index.js';
import type { PlanRow } from '../../models/planning.js';
import { programIn, type RegionScope } from '../regionScope.js';

export type { PlanRow } from '../../models/planning.js';

export interface PlanFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  program?: string | undefined;
  kind?: PlanKind | undefined;
  status?: PlanStatus | undefined;
  q?: string | undefined;
}

async function withNames(db: Executor, where: SQL | undefined, page?: { limit: number; offset: number }): Promise<PlanRow[]> {
  const q = db
    .select({ plan: plans, taskForceName: bodies.name, leadUnitName: orgUnits.name, approvedByName: users.displayName })
    .from(plans)
    .leftJoin(bodies, eq(bodies.id, plans.taskForceId))
    .leftJoin(orgUnits, eq(orgUnits.id, plans.leadUnitId))
    .leftJoin(users, eq(users.id, plans.approvedById))
    .where(where)
    .orderBy(asc(plans.code), asc(plans.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  const ids = rows.map((r) => r.plan.id);
  const tags = ids.length
    ? await db
        .select({ planId: planAreas.planId, id: areas.id, code: areas.code, name: areas.name })
        .from(planAreas)
        .innerJoin(areas, eq(areas.id, planAreas.areaId))
        .where(inArray(planAreas.planId, ids))
        .orderBy(asc(areas.sort), asc(areas.code))
    : [];
  return rows.map((r) => ({
    ...r.plan,
    taskForceName: r.taskForceName,
    leadUnitName: r.leadUnitName,
    approvedByName: r.approvedByName,
    areas: tags.filter((t) => t.planId === r.plan.id).map(({ id, code, name }) => ({ id, code, name })),
  }));
}

export async function listPlans(db: Executor, f: PlanFilter, page: number, perPage: number) {
  const conds: SQL[] = [programIn(plans.programId, f.scope)];
  if (f.program) conds.push(eq(plans.programId, f.program));
  if (f.kind) conds.push(eq(plans.kind, f.kind));
  if (f.status) conds.push(eq(plans.status, f.status));
  if (f.q) conds.push(or(ilike(plans.title, `%${escapeLike(f.q)}%`), ilike(plans.code, `%${escapeLike(f.q)}%`))!);
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [c]] = await Promise.all([
    withNames(db, where, { limit: perPage, offset: (page - 1) * perPage }),
    db.select({ n: sql<number>`count(*)::int` }).from(plans).where(where),
  ]);
  return { rows, total: c?.n ?? 0 };
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  return (await withNames(db, eq(plans.id, id)))[0];
}

/** Why the plan was last sent back to draft: the reason lives in its audit record. */
export async function lastPlanReturn(db: Executor, id: string): Promise<{ reason: string; at: Date } | null> {
  const [r] = await db
    .select({ after: auditLog.after, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'plan'), eq(auditLog.entityId, id), eq(auditLog.action, 'plan.returned')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const reason = (r?.after as { returnReason?: unknown } | null)?.returnReason;
  return r && typeof reason === 'string' ? { reason, at: r.at } : null;
}

/** Lights of the plan's tasks, targets and projects, counted per kind. */
export async function planLights(db: Executor, id: string) {
  const n = sql<number>`count(*)::int`;
  const [task, target, project] = await Promise.all([
    db.select({ light: tasks.light, n }).from(tasks).where(eq(tasks.planId, id)).groupBy(tasks.light),
    db.select({ light: targets.light, n }).from(targets).where(eq(targets.planId, id)).groupBy(targets.light),
    db.select({ light: projects.light, n }).from(projects).where(eq(projects.planId, id)).groupBy(projects.light),
  ]);
  return { task, target, project };
}

export const listPlanVersions = (db: Executor, id: string) => db.select().from(planVersions).where(eq(planVersions.planId, id)).orderBy(desc(planVersions.versionNo));
