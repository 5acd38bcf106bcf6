import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { InspectionCreate, InspectionUpdate } from '../../../domain/schemas/ledger.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { areas, inspections, userRoles } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { makerRegionId, userIn } from '../../queries/regionScope.js';
import { referable, writeScope } from '../../queries/writeScope.js';
import { badReference, ensureItems, ensureUnits, ruleBroken } from '../planning/checks.js';

/** Every id names a row of the table; the first that does not is named by its index (422). */
async function ensureRows(tx: Tx, table: PgTable & { id: PgColumn }, ids: readonly string[], field: string) {
  if (!ids.length) return;
  const found = new Set((await tx.select({ id: table.id }).from(table as PgTable).where(and(inArray(table.id, [...ids]), referable(tx, table)))).map((r) => r.id as string));
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw badReference(`${field}.${i}`);
}

/** Every named inspector holds the inspector role (督查室); the first who does not is named by index (422). */
async function ensureInspectors(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return;
  // An inspector of another district is one that does not hold the role here.
  const inWrite = writeScope(tx);
  const found = new Set((await tx.select({ id: userRoles.userId }).from(userRoles).where(and(inArray(userRoles.userId, [...ids]), eq(userRoles.role, 'inspector'), inWrite ? userIn(userRoles.userId, inWrite) : undefined))).map((r) => r.id));
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw ruleBroken('inspection_not_inspector', `inspectorIds.${i}`);
}

/** The campaign's scope must exist and its inspectors be inspectors; its period must not end before it starts. */
async function checkCampaign(tx: Tx, c: { periodFrom: string; periodTo: string; unitIds: readonly string[]; areaIds: readonly string[]; items: readonly ItemRef[]; inspectorIds: readonly string[] }) {
  if (c.periodTo < c.periodFrom) throw new AppError(422, 'inspection_period_range', {}, { periodTo: 'inspection_period_range' });
  await ensureUnits(tx, c.unitIds, 'unitIds');
  await ensureRows(tx, areas, c.areaIds, 'areaIds');
  await ensureItems(tx, c.items, 'items');
  await ensureInspectors(tx, c.inspectorIds);
}

const unique = (ids: readonly string[]) => [...new Set(ids)];
type ItemRef = { itemType: string; itemId: string };
/** Each item once, in the order first given. */
const uniqueItems = (items: readonly ItemRef[]) => [...new Map(items.map((i) => [`${i.itemType}:${i.itemId}`, { itemType: i.itemType, itemId: i.itemId }])).values()];

/** An inspector or the HQ office plans a 督查 campaign. */
export async function createInspection(ctx: Ctx, input: InspectionCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const values = { ...input, unitIds: unique(input.unitIds), areaIds: unique(input.areaIds), items: uniqueItems(input.items), inspectorIds: unique(input.inspectorIds) };
    await checkCampaign(tx, values);
    const [row] = await tx
      .insert(inspections)
      .values({ ...values, createdById: actor.userId, regionId: await makerRegionId(tx, actor) })
      .returning();
    await recordAudit(tx, ctx, 'inspection.created', { entity: 'inspection', entityId: row!.id, after: row });
    return row!;
  });
}

/** Edits a campaign: what is given replaces what was, if the version is still the one read. */
export async function updateInspection(ctx: Ctx, id: string, input: InspectionUpdate) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    // Only its own region edits a campaign (one read here from above is not found to edit).
    const [before] = await tx.select().from(inspections).where(and(eq(inspections.id, id), referable(tx, inspections))).for('update');
    if (!before) throw notFound('inspection');
    if (before.version !== input.version) throw versionConflict();
    const { version, ...given } = input;
    const next = {
      kind: given.kind ?? before.kind,
      title: given.title ?? before.title,
      description: given.description ?? before.description,
      periodFrom: given.periodFrom ?? before.periodFrom,
      periodTo: given.periodTo ?? before.periodTo,
      unitIds: unique(given.unitIds ?? before.unitIds),
      areaIds: unique(given.areaIds ?? before.areaIds),
      items: uniqueItems(given.items ?? before.items),
      inspectorIds: unique(given.inspectorIds ?? before.inspectorIds),
    };
    await checkCampaign(tx, next);
    const [after] = await tx
      .update(inspections)
      .set({ ...next, version: version + 1 })
      .where(and(eq(inspections.id, id), eq(inspections.version, version)))
      .returning();
    await recordAudit(tx, ctx, 'inspection.updated', { entity: 'inspection', entityId: id, before, after });
    return after!;
  });
}
