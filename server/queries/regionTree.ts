import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Executor } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import { notFound } from '../errors.js';

/**
 * A region and every region under it (a city's districts): what a province's or a city's reader
 * narrows a roll-up to when drilling into one of its regions. The caller has checked that the region
 * is in the reader's scope, so its subtree is too.
 */
export async function regionSubtree(db: Executor, regionId: string): Promise<string[]> {
  const res = (await db.execute(
    sql`with recursive sub(id) as (select ${regionId}::uuid union select r.id from ${regions} r join sub on r.parent_id = sub.id) select id from sub`,
  )) as unknown as { rows: { id: string }[] };
  return res.rows.map((r) => r.id);
}

/** A region's id and name, for the reply that says what it counts. */
export async function regionName(db: Executor, regionId: string): Promise<{ id: string; name: string } | null> {
  const [r] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return r ?? null;
}

/**
 * The reader narrowed to one region of its scope and the regions under it: a province's or a city's
 * reader drilling into a district, on the dashboard and in the lists its links open. Everything the
 * reader's scope decides (`scopeOf`, the list scopes, kept replies' keys) then counts that region
 * only. A region outside the scope, or one that does not exist, is the same 404. No region: the
 * reader as it is.
 */
export async function drilledReader<A extends Pick<Actor, 'regionIds'>>(db: Executor, actor: A | null, region: string | undefined): Promise<A | null> {
  if (!region) return actor;
  if (!actor?.regionIds.includes(region)) throw notFound('region');
  return { ...actor, regionIds: await regionSubtree(db, region) };
}
