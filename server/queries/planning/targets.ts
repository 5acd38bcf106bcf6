import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Light } from '../../../domain/lights.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, plans, programs, targetActuals, targetGoals, targets, targetTrajectory } from '../../db/schema/index.js';
import { countLights, lightRank } from './lights.js';
import type { LoadedTarget, OutlookFacts, TargetRow } from '../../models/planning.js';
import { planIn, type RegionScope } from '../regionScope.js';

export interface TargetFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  taskForce?: string | undefined;
  sort?: 'code' | 'light';
  order?: 'asc' | 'desc';
  plan?: string | undefined;
  area?: string | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  q?: string | undefined;
}

export type { LoadedTarget, OutlookFacts, TargetRow } from '../../models/planning.js';

/** The list's condition (the export's too); without `withLight`, for the colour tabs' counts. */
export function conditions(f: TargetFilter, withLight: boolean): SQL | undefined {
  const conds: SQL[] = [planIn(targets.planId, f.scope)];
  if (f.plan) conds.push(eq(targets.planId, f.plan));
  if (f.taskForce) conds.push(sql`${targets.planId} in (select ${plans.id} from ${plans} where ${plans.taskForceId} = ${f.taskForce})`);
  if (f.area) conds.push(eq(targets.areaId, f.area));
  if (f.unit) conds.push(eq(targets.dataUnitId, f.unit));
  if (withLight && f.light) conds.push(eq(targets.light, f.light));
  if (f.q) conds.push(or(ilike(targets.name, `%${escapeLike(f.q)}%`), ilike(targets.code, `%${escapeLike(f.q)}%`))!);
  return conds.length ? and(...conds) : undefined;
}

/** The list's order (the export's too). */
export function targetOrder(f: TargetFilter): SQL[] {
  const dir = f.order === 'desc' ? desc : asc;
  return f.sort === 'light' ? [dir(lightRank(targets.light)), asc(targets.code)] : [dir(targets.code)];
}

/** A page of targets, the total, and light counts over the filter without its light (for the colour tabs). */
export async function listTargets(db: Executor, f: TargetFilter, page: number, perPage: number) {
  const where = conditions(f, true);
  const [rows, [c], counts] = await Promise.all([
    db
      .select({ t: targets, dataUnitName: orgUnits.name })
      .from(targets)
      .innerJoin(orgUnits, eq(orgUnits.id, targets.dataUnitId))
      .where(where)
      .orderBy(...targetOrder(f), asc(targets.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(targets).where(where),
    countLights(db, targets, conditions(f, false)),
  ]);
  return { rows: rows.map((r): TargetRow => ({ ...r.t, dataUnitName: r.dataUnitName })), total: c?.n ?? 0, counts };
}


export async function loadOutlookFacts(db: Executor, ids: readonly string[], year: number): Promise<Map<string, OutlookFacts>> {
  const out = new Map<string, OutlookFacts>(ids.map((id) => [id, { goals: [], actuals: [], latest: null }]));
  if (!ids.length) return out;
  const pick = { targetId: targetActuals.targetId, period: targetActuals.period, value: targetActuals.value };
  const [goals, actuals, latest] = await Promise.all([
    db.select().from(targetGoals).where(inArray(targetGoals.targetId, [...ids])),
    // This year's and last year's (where the year's trend starts). Period keys sort as text: "2025" ≤ "2025-01" … "2026-Q4" < "2027".
    db
      .select(pick)
      .from(targetActuals)
      .where(and(inArray(targetActuals.targetId, [...ids]), gte(targetActuals.period, String(year - 1)), lt(targetActuals.period, String(year + 1)))),
    db
      .selectDistinctOn([targetActuals.targetId], pick)
      .from(targetActuals)
      .where(inArray(targetActuals.targetId, [...ids]))
      .orderBy(targetActuals.targetId, desc(targetActuals.period)),
  ]);
  for (const g of goals) out.get(g.targetId)?.goals.push({ year: g.year, goal: g.goal });
  for (const a of actuals) out.get(a.targetId)?.actuals.push({ period: a.period, value: a.value });
  for (const a of latest) {
    const f = out.get(a.targetId);
    if (f) f.latest = { period: a.period, value: a.value };
  }
  return out;
}

/** One target with its goals, entered points, accepted actuals and its program's years and goals. */
export async function loadTarget(db: Executor, id: string): Promise<LoadedTarget | undefined> {
  const [row] = await db
    .select({ t: targets, dataUnitName: orgUnits.name, program: programs })
    .from(targets)
    .innerJoin(orgUnits, eq(orgUnits.id, targets.dataUnitId))
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(programs, eq(programs.id, plans.programId))
    .where(eq(targets.id, id));
  if (!row) return undefined;
  const [goals, entered, actuals] = await Promise.all([
    db.select().from(targetGoals).where(eq(targetGoals.targetId, id)).orderBy(asc(targetGoals.year)),
    db.select().from(targetTrajectory).where(eq(targetTrajectory.targetId, id)),
    listActuals(db, id),
  ]);
  return { target: { ...row.t, dataUnitName: row.dataUnitName } as TargetRow, program: row.program, goals, entered, actuals };
}

export const listActuals = (db: Executor, id: string) => db.select().from(targetActuals).where(eq(targetActuals.targetId, id)).orderBy(asc(targetActuals.period));

export async function targetExists(db: Executor, id: string) {
  return (await db.select({ id: targets.id }).from(targets).where(eq(targets.id, id))).length > 0;
}
