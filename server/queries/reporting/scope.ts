import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../domain/enums.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { blockers, plans, projects, reports, targets, tasks } from '../../db/schema/index.js';
import { hasRole } from '../../policies/actor.js';
import { SEE_ALL_REPORTS, taskForcesOf, unitsWhere } from '../../policies/report.js';
import { scopeOf, unitIn } from '../regionScope.js';

interface ItemColumns {
  itemType: PgColumn;
  itemId: PgColumn;
}

/** Rows whose task, target or project belongs to a plan of one of these task forces. */
export function onPlansOf(db: Executor, cols: ItemColumns, bodyIds: string[]): SQL {
  const planIds = db.select({ id: plans.id }).from(plans).where(inArray(plans.taskForceId, bodyIds));
  return or(
    and(eq(cols.itemType, 'task'), inArray(cols.itemId, db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.planId, planIds)))),
    and(eq(cols.itemType, 'target'), inArray(cols.itemId, db.select({ id: targets.id }).from(targets).where(inArray(targets.planId, planIds)))),
    and(eq(cols.itemType, 'project'), inArray(cols.itemId, db.select({ id: projects.id }).from(projects).where(inArray(projects.planId, planIds)))),
  )!;
}

/**
 * What the actor may see of rows tied to an item and a unit: everything for the roles that see all;
 * otherwise their own units' rows (liaison, unit head) and the rows on their task forces' plans.
 * Everything: of the units of the actor's regions (the region seal).
 */
function itemRowScope(db: Executor, actor: Actor | null, cols: ItemColumns & { unitId: PgColumn }, seeAll: readonly Role[]): SQL | undefined {
  if (hasRole(actor, ...seeAll)) return unitIn(cols.unitId, scopeOf(actor));
  const conds: SQL[] = [];
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  if (units.length) conds.push(inArray(cols.unitId, units));
  const bodies = taskForcesOf(actor);
  if (bodies.length) conds.push(onPlansOf(db, cols, bodies));
  return conds.length ? or(...conds) : sql`false`;
}

/** Reports: units see their own, task forces those on their plans, HQ office, leaders, inspectors and assessors all. */
export function reportScope(db: Executor, actor: Actor | null): SQL | undefined {
  const seen = itemRowScope(db, actor, reports, SEE_ALL_REPORTS);
  // A draft is the unit's own working copy until it is submitted: nobody outside the unit sees it.
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  const notDraft = own.length ? or(ne(reports.status, 'draft'), inArray(reports.unitId, own))! : ne(reports.status, 'draft');
  return seen ? and(seen, notDraft) : notDraft;
}

/**
 * Blockers: as reports, and the oversight office sees all of them (堵点 feed supervision); a unit
 * also sees those given to it to solve (交办), whoever raised them.
 */
export function blockerScope(db: Executor, actor: Actor | null): SQL | undefined {
  const seen = itemRowScope(db, actor, blockers, [...SEE_ALL_REPORTS, 'oversight']);
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  return seen && own.length ? or(seen, inArray(blockers.resolverUnitId, own)) : seen;
}
