import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { areas, bodies, inspections, orgUnits, plans, programs, projects, regions, reports, targets, tasks, users } from '../db/schema/index.js';
import { planIn, programIn, regionIn, unitIn, userIn, type RegionScope } from './regionScope.js';

/**
 * The region seal on what a write names in its body (issue 25; docs/ARCHITECTURE.md "Regions"): a
 * unit, body, plan, area, item… of another district is answered exactly as one that does not exist
 * (the check's own 422, never a 403 or a 404 that would confirm it is there). Every write of an
 * actor is one transaction (`inTx`), which carries the actor's scope; the existence checks
 * (`ensureExists`, `existingUnits`, `planAndProgram`, `ensureItems`, …) add `referable` to their
 * query. A transaction of no actor (a job, a public complaint, the demo loader) names what it likes.
 */
const scopes = new WeakMap<object, RegionScope>();

/** The transaction of an actor's write carries the actor's scope. */
export function sealWrite(tx: object, scope: RegionScope): void {
  scopes.set(tx, scope);
}

/** The scope of the write this transaction runs, if an actor's. */
export const writeScope = (tx: object): RegionScope | undefined => scopes.get(tx);

/** How a row of each kind a write may name reaches its region. */
const OWNED = new Map<PgTable, (s: RegionScope) => SQL>([
  [regions, (s) => regionIn(regions.id, s)],
  [orgUnits, (s) => regionIn(orgUnits.regionId, s)],
  [bodies, (s) => regionIn(bodies.regionId, s)],
  [users, (s) => userIn(users.id, s)],
  [programs, (s) => regionIn(programs.regionId, s)],
  [plans, (s) => programIn(plans.programId, s)],
  [areas, (s) => programIn(areas.programId, s)],
  [tasks, (s) => planIn(tasks.planId, s)],
  [targets, (s) => planIn(targets.planId, s)],
  [projects, (s) => planIn(projects.planId, s)],
  [reports, (s) => unitIn(reports.unitId, s)],
  [inspections, (s) => regionIn(inspections.regionId, s)],
]);

/** The condition keeping the rows of `table` a write in `tx` may name to the actor's regions (none outside an actor's write). */
export function referable(tx: object, table: PgTable): SQL | undefined {
  const scope = scopes.get(tx);
  const owned = OWNED.get(table);
  if (!scope || !owned) return undefined;
  return owned(scope);
}

const ITEM_TABLES: Record<string, PgTable & { id: PgColumn }> = { task: tasks, target: targets, project: projects };

/** Whether the write in `tx` may name this task, target or project (an item of another district's plan is one that does not exist). */
export async function referableItem(tx: Executor, itemType: string, itemId: string): Promise<boolean> {
  const table = ITEM_TABLES[itemType];
  const within = table && referable(tx, table);
  if (!table || !within) return true;
  return (await tx.select({ id: table.id }).from(table).where(and(eq(table.id, itemId), within)).limit(1)).length > 0;
}
