import { and, asc, desc, eq, gt, inArray, like, lte, lt, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { feedActions, feedKindOf, type FeedKind } from '../../domain/feed.js';
import { lightsIn } from '../../domain/feedLights.js';
import { escapeLike } from '../audit.js';
import type { Actor } from '../context.js';
import type { Executor } from '../db/client.js';
import { areas, auditLog, blockers, dispatches, lightChanges, orgUnits, plans, programs, projects, reports, targets, tasks, users } from '../db/schema/index.js';
import { hasRole } from '../policies/actor.js';
import { SEE_ALL_DISPATCHES } from '../policies/dispatch.js';
import { unitsWhere } from '../policies/report.js';
import type { FeedRow } from '../models/feed.js';
import { lightSummaries, sameTx } from './feedLights.js';
import { blockerScope, reportScope } from './reporting/scope.js';

export interface FeedFilter {
  kind?: FeedKind | undefined;
  area?: string | undefined;
  unit?: string | undefined;
}

export interface FeedRange {
  /** Ids below this one (the next page). */
  before?: number | undefined;
  /** Ids above this one, up to `upTo` (a reconnecting client's missed events, the stream's new ones). */
  after?: number | undefined;
  upTo?: number | undefined;
  limit: number;
  /** Newest first (the page), or oldest first (the stream). */
  order: 'newest' | 'oldest';
}

/** The audit record's entity id as a uuid, only for the entity named: other entities' ids need not be uuids. */
const idOf = (entity: string) => sql`case when ${auditLog.entity} = ${entity} then ${auditLog.entityId}::uuid end`;

const itemType = sql<string | null>`coalesce(${reports.itemType}, ${blockers.itemType}, case when ${auditLog.entity} in ('task', 'plan') then ${auditLog.entity} end)`;
const itemId = sql<string | null>`coalesce(${reports.itemId}, ${blockers.itemId}, ${idOf('task')}, ${idOf('plan')})`;
/** A claim's audit record keeps the unit's share of the task as its `after`; a plan names no unit but its lead unit. */
const unitId = sql<string | null>`coalesce(${reports.unitId}, ${blockers.unitId}, case when ${auditLog.entity} = 'task' or ${auditLog.action} = 'dispatch.replied' then (${auditLog.after}->>'unitId')::uuid end, ${plans.leadUnitId})`;
/** A tracked item's recipient units (a 批示's, a decision's): who reads its events besides the office and the leaders. */
/**
 * The regions an event is in (the region seal, issue 25): a report's or a blocker's unit's (as
 * reportScope and blockerScope), a reply's unit's; an order's own region and, once sent, those of the
 * units it went to (dispatchScope's seenInRegions: a city's 批示 is read in each district it
 * reaches); a claim's or a plan's the plan's program's; none for the midnight run's record (it is
 * every region's, and each reader sees its own regions' lights, lightsIn).
 */
const eventRegions = sql`case
  when ${auditLog.entity} = 'system' then null
  when ${auditLog.entity} = 'dispatch' and ${auditLog.action} <> 'dispatch.replied' then array(
    select ${dispatches.regionId} union
    select u.region_id from dispatch_recipients r join org_units u on u.id = r.unit_id where r.dispatch_id = ${dispatches.id} and ${dispatches.status} <> 'draft')
  when ${auditLog.entity} in ('report', 'blocker', 'dispatch') then array[${orgUnits.regionId}]
  else array[${programs.regionId}] end`;
/** Events of the actor's regions, and the midnight run's (the region seal, issue 25). */
function regionScopeSql(actor: Actor): SQL {
  const scope = actor.regionIds.length ? sql`array[${sql.join(actor.regionIds.map((r) => sql`${r}::uuid`), sql`, `)}]` : sql`'{}'::uuid[]`;
  return sql`(${auditLog.entity} = 'system' or ${eventRegions} && ${scope})`;
}

const recipientUnitIds = sql<string[] | null>`case when ${auditLog.entity} = 'dispatch' then (select json_agg(r.unit_id) from dispatch_recipients r where r.dispatch_id = ${idOf('dispatch')}) end`;

/**
 * A tracked item's events as dispatchScope reads the item: everything for those who see all orders;
 * a unit the item went to; a reply only for the unit that gave it (recipientScope).
 */
function dispatchFeedScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, ...SEE_ALL_DISPATCHES)) return undefined;
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  if (!own.length) return sql`false`;
  const ownList = sql.join(own.map((u) => sql`${u}::uuid`), sql`, `);
  return sql`case when ${auditLog.action} = 'dispatch.replied' then (${auditLog.after}->>'unitId')::uuid in (${ownList})
    else exists (select 1 from dispatch_recipients r where r.dispatch_id = ${idOf('dispatch')} and r.unit_id in (${ownList})) end`;
}
const isItem = (type: string, col: PgColumn) => sql`${itemType} = ${type} and ${col} = ${itemId}`;

/** The audit actions in the feed (of one kind), in SQL: the twin of domain/feed.ts feedKindOf. */
function actionsSql(kind?: FeedKind, action: PgColumn = auditLog.action): SQL {
  const { exact, prefixes, except } = feedActions(kind);
  const any = or(...(exact.length ? [inArray(action, exact)] : []), ...prefixes.map((p) => like(action, `${escapeLike(p)}_%`)))!;
  return except.length ? and(any, not(inArray(action, except)))! : any;
}

const other = alias(auditLog, 'feed_same_tx');
/** A feed record's place among its transaction's: its `light` record first, then by id. */
const txRank = (t: { action: PgColumn; id: PgColumn }) => sql`(case when ${actionsSql('light', t.action)} then 0 else 1 end, ${t.id})`;
/**
 * Whether the record is the one that shows its transaction's light changes (domain/feed.ts
 * inFeedKind): no other feed record of the transaction comes before it. A record without a
 * transaction (linked before it was kept) is its own.
 */
const ownsTxLights = sql<boolean>`not exists (select 1 from ${auditLog} ${other} where ${sameTx(other, auditLog)} and ${other.id} <> ${auditLog.id} and ${actionsSql(undefined, other.action)} and ${txRank(other)} < ${txRank(auditLog)})`;
const changedLights = sql`exists (select 1 from ${lightChanges} where ${sameTx(lightChanges, auditLog)})`;

/** The kind filter: 灯色变化 takes, besides its own records, any event whose transaction changed a light and that shows it. */
function kindSql(kind: FeedKind | undefined): SQL {
  if (kind !== 'light') return actionsSql(kind);
  return or(actionsSql('light'), and(actionsSql(), changedLights, ownsTxLights))!;
}

/** Only for records of this entity: the rows' own scope decides; records of other entities pass. */
const onlyFor = (entity: string, scope: SQL | undefined): SQL | undefined => (scope ? or(ne(auditLog.entity, entity), scope) : undefined);

/**
 * Feed events in one range, filtered. With an actor, only what the actor may read: the events of
 * its regions (eventRegions; the midnight run's with its regions' lights only), a report's
 * event within reportScope, a blocker's within blockerScope, a tracked item's as dispatchScope (the same conditions as their lists;
 * tasks and plans are read by everyone the feed's route lets in). Without one (`'all'`), every
 * event: the stream reads new records once and filters them per client in memory (policies/feed.ts).
 */
export async function listFeed(db: Executor, actor: Actor | 'all', f: FeedFilter, r: FeedRange): Promise<FeedRow[]> {
  const conds: (SQL | undefined)[] = [kindSql(f.kind)];
  if (r.before !== undefined) conds.push(lt(auditLog.id, r.before));
  if (r.after !== undefined) conds.push(gt(auditLog.id, r.after));
  if (r.upTo !== undefined) conds.push(lte(auditLog.id, r.upTo));
  if (f.area) conds.push(eq(areas.id, f.area));
  if (f.unit) conds.push(sql`${unitId} = ${f.unit}`);
  if (actor !== 'all') conds.push(regionScopeSql(actor), onlyFor('report', reportScope(db, actor)), onlyFor('blocker', blockerScope(db, actor)), onlyFor('dispatch', dispatchFeedScope(actor)));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      actorName: users.displayName,
      actorAccount: auditLog.actorAccount,
      itemType,
      itemId,
      itemTitle: sql<string | null>`coalesce(${tasks.title}, ${targets.name}, ${projects.name}, ${plans.title}, ${dispatches.title})`,
      itemCode: sql<string | null>`coalesce(${tasks.code}, ${targets.code}, ${projects.code}, ${plans.code})`,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      areaId: areas.id,
      areaName: areas.name,
      reportStatus: reports.status,
      taskForceId: plans.taskForceId,
      resolverUnitId: blockers.resolverUnitId,
      recipientUnitIds,
      regionIds: sql<string[] | null>`to_json(${eventRegions})`,
      tx: auditLog.tx,
      ownsTxLights,
    })
    .from(auditLog)
    .leftJoin(reports, sql`${reports.id} = ${idOf('report')}`)
    .leftJoin(blockers, sql`${blockers.id} = ${idOf('blocker')}`)
    .leftJoin(dispatches, sql`${dispatches.id} = ${idOf('dispatch')}`)
    .leftJoin(tasks, isItem('task', tasks.id))
    .leftJoin(targets, isItem('target', targets.id))
    .leftJoin(projects, isItem('project', projects.id))
    .leftJoin(plans, sql`${plans.id} = coalesce(${tasks.planId}, ${targets.planId}, ${projects.planId}, ${idOf('plan')})`)
    .leftJoin(programs, eq(programs.id, plans.programId))
    .leftJoin(areas, sql`${areas.id} = coalesce(${tasks.areaId}, ${targets.areaId}, ${projects.areaId})`)
    .leftJoin(orgUnits, sql`${orgUnits.id} = ${unitId}`)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conds))
    .orderBy(r.order === 'newest' ? desc(auditLog.id) : asc(auditLog.id))
    .limit(r.limit);
  // One statement for the whole page's (or batch's) light changes, never one per event.
  const lights = await lightSummaries(db, rows.flatMap((r) => (r.tx !== null && r.ownsTxLights ? [{ id: Number(r.id), tx: Number(r.tx), at: r.at }] : [])));
  return rows.map(({ tx: _tx, ownsTxLights: _owns, ...row }) => {
    const lightParts = lights.get(Number(row.id)) ?? null;
    return {
      ...row,
      id: Number(row.id),
      kind: feedKindOf(row.action)!,
      recipientUnitIds: Array.isArray(row.recipientUnitIds) ? row.recipientUnitIds : null,
      regionIds: Array.isArray(row.regionIds) ? row.regionIds : null,
      lightParts,
      lights: lightsIn(lightParts, actor === 'all' ? 'all' : actor.regionIds),
    };
  });
}

/** The newest audit id: the stream starts after it. */
export async function lastAuditId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: sql<string | null>`max(${auditLog.id})` }).from(auditLog);
  return Number(row?.id ?? 0);
}
