import { and, asc, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgUnits, projects, targets, taskUnits } from '../../db/schema/index.js';
import type { UnreportedUnitRow } from '../../models/dispatch.js';
import { now as clockNow } from '../../clock.js';
import { unitWorkbench } from '../reporting/workbenchUnit.js';
import { regionIn, type RegionScope } from '../regionScope.js';

/**
 * 本期未报送: the units with an item to report in its open period and no report for it yet, by the
 * very rule of their workbench's 待报送 list (`unitWorkbench`, `domain/workbenchRules.ts`), so that
 * the office chases exactly what each unit sees as due. Only units that hold work are asked (a
 * district has a few hundred at most); each is one query. Only the units of the reader's regions.
 */
export async function unreportedUnits(db: Executor, scope: RegionScope, now = clockNow()): Promise<UnreportedUnitRow[]> {
  const working = db
    .select({ id: taskUnits.unitId })
    .from(taskUnits)
    .union(db.select({ id: sql<string>`${targets.dataUnitId}` }).from(targets).where(isNotNull(targets.dataUnitId)))
    .union(db.select({ id: projects.responsibleUnitId }).from(projects));
  const units = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(and(inArray(orgUnits.id, working), regionIn(orgUnits.regionId, scope))).orderBy(asc(orgUnits.code));
  const out: UnreportedUnitRow[] = [];
  for (const u of units) {
    const wb = await unitWorkbench(db, u.id, now);
    if (wb.counts.toReport > 0) out.push({ unitId: u.id, unitName: u.name, toReport: wb.counts.toReport });
  }
  return out;
}
