import { asc, eq, inArray, sql } from 'drizzle-orm';
import { groupBy } from '../../../domain/groupBy.js';
import type { Executor } from '../../db/client.js';
import { areas, orgUnits, projects, projectYearPlans, targetGoals, targets } from '../../db/schema/index.js';
import { conditions as projectWhere, projectOrder, type ProjectFilter } from './projects.js';
import { conditions as targetWhere, targetOrder, type TargetFilter } from './targets.js';

/** Rows per page: a district's targets or projects are a few hundred, a province's a few thousand. */
const PAGE = 1_000;

/** One target of the export: its row, its data unit's and area's names, its goals. */
export type TargetExportRow = typeof targets.$inferSelect & { unitName: string; areaName: string | null; goals: { year: number; goal: string }[] };
/** One project of the export: its row, its unit's and area's names, its yearly plans. */
export type ProjectExportRow = typeof projects.$inferSelect & { unitName: string; areaName: string | null; yearPlans: { year: number; planned: string }[] };

/** Pages of PAGE rows read by `read` (an offset, a limit) until one comes back short. */
async function* paged<T>(read: (offset: number, limit: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await read(offset, PAGE);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}

/** Every target the list shows for this filter, in its order, a page at a time, with their goals. */
export function targetExportPages(db: Executor, f: TargetFilter): AsyncGenerator<TargetExportRow[]> {
  return paged(async (offset, limit) => {
    const rows = await db
      .select({ t: targets, unitName: orgUnits.name, areaName: areas.name })
      .from(targets)
      .innerJoin(orgUnits, eq(orgUnits.id, targets.dataUnitId))
      .leftJoin(areas, eq(areas.id, targets.areaId))
      .where(targetWhere(f, true))
      .orderBy(...targetOrder(f), asc(targets.id))
      .limit(limit)
      .offset(offset);
    const goals = rows.length ? await db.select().from(targetGoals).where(inArray(targetGoals.targetId, rows.map((r) => r.t.id))).orderBy(asc(targetGoals.year)) : [];
    const byTarget = groupBy(goals, (g) => g.targetId);
    return rows.map((r) => ({ ...r.t, unitName: r.unitName, areaName: r.areaName, goals: byTarget.get(r.t.id) ?? [] }));
  });
}

/** Every project the list shows for this filter, in its order, a page at a time, with their yearly plans. */
export function projectExportPages(db: Executor, f: ProjectFilter): AsyncGenerator<ProjectExportRow[]> {
  return paged(async (offset, limit) => {
    const rows = await db
      .select({ p: projects, unitName: orgUnits.name, areaName: areas.name })
      .from(projects)
      .innerJoin(orgUnits, eq(orgUnits.id, projects.responsibleUnitId))
      .leftJoin(areas, eq(areas.id, projects.areaId))
      .where(projectWhere(f, true))
      .orderBy(...projectOrder(f), asc(projects.id))
      .limit(limit)
      .offset(offset);
    const plans = rows.length ? await db.select().from(projectYearPlans).where(inArray(projectYearPlans.projectId, rows.map((r) => r.p.id))).orderBy(asc(projectYearPlans.year)) : [];
    const byProject = groupBy(plans, (y) => y.projectId);
    return rows.map((r) => ({ ...r.p, unitName: r.unitName, areaName: r.areaName, yearPlans: byProject.get(r.p.id) ?? [] }));
  });
}

/** The years the exported targets' goals (or projects' plans) name: a column each, known before the first row is written. */
export async function exportYears(db: Executor, kind: 'target' | 'project', f: TargetFilter | ProjectFilter): Promise<number[]> {
  const rows =
    kind === 'target'
      ? await db.selectDistinct({ year: targetGoals.year }).from(targetGoals).innerJoin(targets, eq(targets.id, targetGoals.targetId)).where(targetWhere(f as TargetFilter, true))
      : await db.selectDistinct({ year: projectYearPlans.year }).from(projectYearPlans).innerJoin(projects, eq(projects.id, projectYearPlans.projectId)).where(projectWhere(f as ProjectFilter, true));
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

/** How many rows the kind's export pages will give: the export's progress bar's total. */
export async function itemExportCount(db: Executor, kind: 'target' | 'project', f: TargetFilter | ProjectFilter): Promise<number> {
  const [r] =
    kind === 'target'
      ? await db.select({ n: sql<number>`count(*)::int` }).from(targets).where(targetWhere(f as TargetFilter, true))
      : await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(projectWhere(f as ProjectFilter, true));
  return r?.n ?? 0;
}
