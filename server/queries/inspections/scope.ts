import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { bulletins, inspections, ledgerEntries, ledgerItems, notices } from '../../db/schema/index.js';
import { hasRole } from '../../policies/actor.js';
import { SEE_ALL_INSPECTIONS } from '../../policies/inspection.js';
import { taskForcesOf, unitsWhere } from '../../policies/report.js';
import { onPlansOf } from '../reporting/scope.js';
import { regionIn, scopeOf, unitIn, unitsAmong } from '../regionScope.js';

const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

/**
 * Campaigns seen in the actor's regions: those made there, and those whose scope names a unit there
 * (a city's campaign inspecting a district's units is read in that district, though it stays the
 * city's: docs/ARCHITECTURE.md "Regions"). The overseers see all of these; a unit's liaison or head
 * those whose scope includes its unit.
 */
export function inspectionScope(actor: Actor | null): SQL | undefined {
  const scope = scopeOf(actor);
  const seen = sql`(${regionIn(inspections.regionId, scope)} or ${unitsAmong(inspections.unitIds, scope)})`;
  if (hasRole(actor, ...SEE_ALL_INSPECTIONS)) return seen;
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  return units.length ? sql`${seen} and ${inspections.unitIds} && ${uuidArray(units)}` : sql`false`;
}

/** Campaigns whose scope includes this unit (a list filter, not a visibility rule). */
export const inspectsUnit = (unitId: string): SQL => sql`${inspections.unitIds} && ${uuidArray([unitId])}`;

/**
 * Ledger entries: the overseers see all; a unit's liaison or head its units' entries; a task force
 * the entries on its plans' items. `undefined` means no restriction.
 */
export function ledgerScope(db: Executor, actor: Actor | null): SQL | undefined {
  if (hasRole(actor, ...SEE_ALL_INSPECTIONS)) return unitIn(ledgerEntries.unitId, scopeOf(actor));
  const conds: SQL[] = [];
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  if (units.length) conds.push(inArray(ledgerEntries.unitId, units));
  const bodies = taskForcesOf(actor);
  if (bodies.length) conds.push(inArray(ledgerEntries.id, db.select({ id: ledgerItems.entryId }).from(ledgerItems).where(onPlansOf(db, ledgerItems, bodies))));
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
}

/** Bulletins of the actor's regions: the overseers read all; a unit's liaison or head the issued ones (a draft is the inspectors' work). */
export function bulletinScope(actor: Actor | null): SQL | undefined {
  const inRegions = regionIn(bulletins.regionId, scopeOf(actor));
  if (hasRole(actor, ...SEE_ALL_INSPECTIONS)) return inRegions;
  return unitsWhere(actor, 'liaison', 'unit_head').length ? sql`${inRegions} and ${bulletins.status} = 'issued'` : sql`false`;
}

/** Notices: the overseers read all; a unit's liaison or head those sent to its units. */
export function noticeScope(actor: Actor | null): SQL | undefined {
  if (hasRole(actor, ...SEE_ALL_INSPECTIONS)) return unitIn(notices.unitId, scopeOf(actor));
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  return units.length ? inArray(notices.unitId, units) : sql`false`;
}
