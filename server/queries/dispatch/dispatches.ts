import { and, asc, desc, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DispatchStatus, InstructionSubjectType, TrackedKind, TrackedSubjectType } from '../../../domain/dispatch.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { dispatchRecipients, dispatches, orgUnits, users } from '../../db/schema/index.js';
import type { DispatchListRow, DispatchRow, RecipientLine, TrackedOnSubject } from '../../models/dispatch.js';
import { hasRole } from '../../policies/actor.js';
import { SEE_ALL_DISPATCHES } from '../../policies/dispatch.js';
import { unitsWhere } from '../../policies/report.js';
import { regionIn, scopeOf, unitIn, type RegionScope } from '../regionScope.js';

export { SEE_ALL_DISPATCHES };

/**
 * Orders (and the 批示, decisions and follow-ups that are orders) seen in the actor's regions: those
 * made there, and those sent (not drafts) to a unit there — a city's order to a district's units is
 * read in that district, though it stays the city's (docs/ARCHITECTURE.md "Regions": what is
 * addressed across levels). Only its recipients of the scope are shown (recipientScope).
 */
function seenInRegions(db: Executor, scope: RegionScope): SQL {
  const addressed = db
    .select({ one: sql`1` })
    .from(dispatchRecipients)
    .where(and(eq(dispatchRecipients.dispatchId, dispatches.id), unitIn(dispatchRecipients.unitId, scope)));
  return or(regionIn(dispatches.regionId, scope), and(ne(dispatches.status, 'draft'), exists(addressed)))!;
}

/**
 * What the actor may see of orders: everything seen in its regions for the HQ office and leaders; for a
 * unit's liaison or head, the orders sent to that unit (a draft is the office's until it is sent).
 */
export function dispatchScope(db: Executor, actor: Actor | null): SQL | undefined {
  const scope = scopeOf(actor);
  if (hasRole(actor, ...SEE_ALL_DISPATCHES)) return seenInRegions(db, scope);
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  if (!own.length) return sql`false`;
  const mine = db
    .select({ one: sql`1` })
    .from(dispatchRecipients)
    .where(and(eq(dispatchRecipients.dispatchId, dispatches.id), inArray(dispatchRecipients.unitId, own), unitIn(dispatchRecipients.unitId, scope)));
  return and(ne(dispatches.status, 'draft'), exists(mine));
}

/** The orders the actor's office steps (edits, sends, chases, closes): those it sees, of its own regions only. */
export const ownDispatchScope = (db: Executor, actor: Actor | null): SQL | undefined => and(dispatchScope(db, actor), regionIn(dispatches.regionId, scopeOf(actor)));

/** Which recipients' rows the actor sees: all (undefined) or their own units'. */
export function recipientScope(actor: Actor | null): SQL | undefined {
  if (hasRole(actor, ...SEE_ALL_DISPATCHES)) return unitIn(dispatchRecipients.unitId, scopeOf(actor));
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  return own.length ? inArray(dispatchRecipients.unitId, own) : sql`false`;
}

/** Recipients counted as the actor sees them (`all`: every recipient, for a meeting's reader). */
const counts = (actor: Actor | null | 'all') => {
  const seen = and(eq(dispatchRecipients.dispatchId, dispatches.id), actor === 'all' ? undefined : recipientScope(actor));
  return {
    unitCount: sql<number>`(select count(*)::int from ${dispatchRecipients} where ${seen})`,
    repliedCount: sql<number>`(select count(*)::int from ${dispatchRecipients} where ${and(seen, eq(dispatchRecipients.status, 'replied'))})`,
    issuedByName: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${dispatches.createdById})`,
  };
};

/** Orders the actor may see, newest first, one page. */
export async function listDispatches(db: Executor, actor: Actor | null, f: { status?: DispatchStatus | undefined; kind?: TrackedKind | undefined }, page: number, perPage: number) {
  const where = and(dispatchScope(db, actor), f.status ? eq(dispatches.status, f.status) : undefined, f.kind ? eq(dispatches.kind, f.kind) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select({ dispatch: dispatches, ...counts(actor) })
      .from(dispatches)
      .where(where)
      .orderBy(desc(dispatches.createdAt), desc(dispatches.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(dispatches).where(where),
  ]);
  return { rows: rows as DispatchListRow[], total: count?.n ?? 0 };
}

/** One order if the actor may see it, with its counts. */
export async function findDispatch(db: Executor, actor: Actor | null, id: string): Promise<DispatchListRow | undefined> {
  const [row] = await db
    .select({ dispatch: dispatches, ...counts(actor) })
    .from(dispatches)
    .where(and(eq(dispatches.id, id), dispatchScope(db, actor)));
  return row;
}

/** The 批示 written on one subject that the actor may see, newest first. */
export async function listInstructions(db: Executor, actor: Actor | null, subjectType: InstructionSubjectType, subjectId: string): Promise<DispatchListRow[]> {
  return db
    .select({ dispatch: dispatches, ...counts(actor) })
    .from(dispatches)
    .where(and(eq(dispatches.kind, 'instruction'), eq(dispatches.subjectType, subjectType), eq(dispatches.subjectId, subjectId), dispatchScope(db, actor)))
    .orderBy(desc(dispatches.createdAt), desc(dispatches.id));
}

/**
 * The items tracked on one subject — a meeting's 议定事项, a field visit's follow-ups — in the order
 * they were recorded, each with every owner unit's name: whoever may read the subject reads them
 * and who has replied (a task force its own meeting's and visit's).
 */
export async function trackedOnSubject(db: Executor, kind: TrackedKind, subjectType: TrackedSubjectType, subjectId: string): Promise<TrackedOnSubject[]> {
  return db
    .select({
      dispatch: dispatches,
      ...counts('all'),
      // Named in full: drizzle leaves columns unqualified in a one-table select, and org_units has an "id" too.
      unitNames: sql<string[]>`(select coalesce(json_agg(u.name order by u.sort, u.code), '[]'::json) from dispatch_recipients r join org_units u on u.id = r.unit_id where r.dispatch_id = "dispatches"."id")`,
    })
    .from(dispatches)
    .where(and(eq(dispatches.kind, kind), eq(dispatches.subjectType, subjectType), eq(dispatches.subjectId, subjectId)))
    .orderBy(asc(dispatches.createdAt), asc(dispatches.id));
}

/** Every unit the order went to (ids only): what its policies look at. */
export async function recipientUnitIds(db: Executor, dispatchId: string): Promise<string[]> {
  const rows = await db.select({ unitId: dispatchRecipients.unitId }).from(dispatchRecipients).where(eq(dispatchRecipients.dispatchId, dispatchId));
  return rows.map((r) => r.unitId);
}

/** The reply table as the actor may see it, by unit name. */
export async function recipientLines(db: Executor, actor: Actor | null, dispatchId: string): Promise<RecipientLine[]> {
  const rows = await db
    .select({ recipient: dispatchRecipients, unitName: orgUnits.name, repliedByName: users.displayName })
    .from(dispatchRecipients)
    .innerJoin(orgUnits, eq(orgUnits.id, dispatchRecipients.unitId))
    .leftJoin(users, eq(users.id, dispatchRecipients.repliedById))
    .where(and(eq(dispatchRecipients.dispatchId, dispatchId), recipientScope(actor)))
    .orderBy(asc(orgUnits.code), asc(orgUnits.id));
  return rows;
}

/** Names of units, in the given order, for refusals and audit notes. */
export async function unitNames(db: Executor, unitIds: readonly string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...unitIds]));
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return unitIds.map((id) => byId.get(id) ?? id);
}

export type { DispatchRow };
