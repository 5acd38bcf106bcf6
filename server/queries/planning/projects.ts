import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Light } from '../../../domain/lights.js';
import type { ProjectStage } from '../../../domain/work.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, plans, projectMonths, projects, projectYearPlans } from '../../db/schema/index.js';
import { countLights, lightRank } from './lights.js';
import type { LoadedProject, ProjectRow } from '../../models/planning.js';
import { planIn, type RegionScope } from '../regionScope.js';

export interface ProjectFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  taskForce?: string | undefined;
  sort?: 'code' | 'light' | 'investment';
  order?: 'asc' | 'desc';
  plan?: string | undefined;
  area?: string | undefined;
  unit?: string | undefined;
  stage?: ProjectStage | undefined;
  light?: Light | undefined;
  q?: string | undefined;
}

export type { LoadedProject, ProjectRow } from '../../models/planning.js';

/** The list's condition (the export's too); without `withLight`, for the colour tabs' counts. */
export function conditions(f: ProjectFilter, withLight: boolean): SQL | undefined {
  const conds: SQL[] = [planIn(projects.planId, f.scope)];
  if (f.plan) conds.push(eq(projects.planId, f.plan));
  if (f.taskForce) conds.push(sql`${projects.planId} in (select ${plans.id} from ${plans} where ${plans.taskForceId} = ${f.taskForce})`);
  if (f.area) conds.push(eq(projects.areaId, f.area));
  if (f.unit) conds.push(eq(projects.responsibleUnitId, f.unit));
  if (f.stage) conds.push(eq(projects.stage, f.stage));
  if (withLight && f.light) conds.push(eq(projects.light, f.light));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(projects.name, like), ilike(projects.code, like), ilike(projects.ownerEnterprise, like))!);
  }
  return conds.length ? and(...conds) : undefined;
}

/** The list's order (the export's too). */
export function projectOrder(f: ProjectFilter): SQL[] {
  const dir = f.order === 'desc' ? desc : asc;
  if (f.sort === 'light') return [dir(lightRank(projects.light)), asc(projects.code)];
  if (f.sort === 'investment') return [dir(projects.totalInvestment), asc(projects.code)];
  return [dir(projects.code)];
}

/** A page of projects, the total, and light counts over the filter without its light. */
export async function listProjects(db: Executor, f: ProjectFilter, page: number, perPage: number) {
  const where = conditions(f, true);
  const [rows, [c], counts] = await Promise.all([
    db
      .select({ p: projects, unitName: orgUnits.name })
      .from(projects)
      .innerJoin(orgUnits, eq(orgUnits.id, projects.responsibleUnitId))
      .where(where)
      .orderBy(...projectOrder(f), asc(projects.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where),
    countLights(db, projects, conditions(f, false)),
  ]);
  return { rows: rows.map((r): ProjectRow => ({ ...r.p, responsibleUnitName: r.unitName })), total: c?.n ?? 0, counts };
}

/** Each listed project's planned investment for `year` and the months of that year it has done. */
export async function loadYearInvestments(db: Executor, ids: readonly string[], year: number) {
  const out = new Map<string, { planned: string | null; done: string[] }>(ids.map((id) => [id, { planned: null, done: [] }]));
  if (!ids.length) return out;
  const [plans, months] = await Promise.all([
    db
      .select({ projectId: projectYearPlans.projectId, planned: projectYearPlans.planned })
      .from(projectYearPlans)
      .where(and(inArray(projectYearPlans.projectId, [...ids]), eq(projectYearPlans.year, year))),
    // Month keys sort as text: "2026" < "2026-01" … "2026-12" < "2027".
    db
      .select({ projectId: projectMonths.projectId, done: projectMonths.done })
      .from(projectMonths)
      .where(and(inArray(projectMonths.projectId, [...ids]), gte(projectMonths.month, String(year)), lt(projectMonths.month, String(year + 1)))),
  ]);
  for (const p of plans) {
    const f = out.get(p.projectId);
    if (f) f.planned = p.planned;
  }
  for (const m of months) out.get(m.projectId)?.done.push(m.done);
  return out;
}

/** One project with its yearly plan and the investment done per month. */
export async function loadProject(db: Executor, id: string): Promise<LoadedProject | undefined> {
  const [row] = await db.select({ p: projects, unitName: orgUnits.name }).from(projects).innerJoin(orgUnits, eq(orgUnits.id, projects.responsibleUnitId)).where(eq(projects.id, id));
  if (!row) return undefined;
  const [yearPlans, months] = await Promise.all([
    db.select().from(projectYearPlans).where(eq(projectYearPlans.projectId, id)).orderBy(asc(projectYearPlans.year)),
    db.select().from(projectMonths).where(eq(projectMonths.projectId, id)).orderBy(asc(projectMonths.month)),
  ]);
  return { project: { ...row.p, responsibleUnitName: row.unitName } as ProjectRow, yearPlans, months };
}
