import { asc, eq, inArray, SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../context.js';
import type { Executor } from '../db/client.js';
import { bodies, orgUnits, plans, programs, regions, users } from '../db/schema/index.js';

/**
 * The region seal (issue 25): one mechanism for every read and write of region-owned rows. The actor
 * carries its scope (`Actor.regionIds`: its unit's region and the regions under it, loaded with the
 * session); a query keeps only the rows whose owner — a region, a unit, a body, a program, a plan —
 * lies in it. A record outside the scope is answered as missing (404), never as refused: a district
 * must not learn that another district's record exists. See docs/ARCHITECTURE.md "Regions".
 */
export type RegionScope = readonly string[];

/** The scope of an actor (none for nobody: a signed-out caller owns no region). */
export const scopeOf = (actor: Pick<Actor, 'regionIds'> | null): RegionScope => actor?.regionIds ?? [];

// An empty scope must match nothing; `in ()` is not SQL, so an impossible id stands in.
const ids = (scope: RegionScope): string[] => (scope.length ? [...scope] : ['00000000-0000-0000-0000-000000000000']);

/** Rows whose region column lies in the scope. */
export const regionIn = (col: PgColumn | SQL, scope: RegionScope): SQL => (col instanceof SQL ? inArray(col, ids(scope)) : inArray(col, ids(scope)));
/** Rows whose unit column names a unit of the scope. */
export const unitIn = (col: PgColumn | SQL, scope: RegionScope): SQL =>
  sql`${col} in (select ${orgUnits.id} from ${orgUnits} where ${regionIn(orgUnits.regionId, scope)})`;
/** Rows whose array of unit ids names at least one unit of the scope (what is addressed into it: a campaign's units). */
export const unitsAmong = (col: PgColumn | SQL, scope: RegionScope): SQL =>
  sql`exists (select 1 from ${orgUnits} where ${orgUnits.id} = any(${col}) and ${regionIn(orgUnits.regionId, scope)})`;
/** Rows whose user column names a person of a unit of the scope (what an office starts carries its maker's region). */
export const userIn = (col: PgColumn | SQL, scope: RegionScope): SQL =>
  sql`${col} in (select ${users.id} from ${users} where ${unitIn(users.unitId, scope)})`;
/**
 * Whether the scope holds a top of the tree (a region with no parent): only such a reader answers for
 * what belongs to no region but to the deployment (the public portal's complaints, the jobs' audit
 * records). A scope is a subtree, so it holds a top only when the reader's own region is one.
 */
export const holdsTop = (scope: RegionScope): SQL => sql`exists (select 1 from ${regions} where ${regions.parentId} is null and ${regionIn(regions.id, scope)})`;
/** Rows whose body column names a body of the scope. */
export const bodyIn = (col: PgColumn | SQL, scope: RegionScope): SQL => sql`${col} in (select ${bodies.id} from ${bodies} where ${regionIn(bodies.regionId, scope)})`;
/** Rows whose program column names a program of the scope. */
export const programIn = (col: PgColumn | SQL, scope: RegionScope): SQL =>
  sql`${col} in (select ${programs.id} from ${programs} where ${regionIn(programs.regionId, scope)})`;
/** Rows whose plan column names a plan of a program of the scope. */
export const planIn = (col: PgColumn | SQL, scope: RegionScope): SQL => sql`${col} in (select ${plans.id} from ${plans} where ${programIn(plans.programId, scope)})`;

/**
 * Where what the actor makes without naming a region belongs: its own unit's region (a district's
 * office makes its district's things); the first region for a caller without a unit (first start).
 */
export async function homeRegionId(db: Executor, actor: Pick<Actor, 'unitId'> | null): Promise<string | undefined> {
  if (actor) {
    const [u] = await db.select({ regionId: orgUnits.regionId }).from(orgUnits).where(eq(orgUnits.id, actor.unitId));
    if (u) return u.regionId;
  }
  const [r] = await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.createdAt)).limit(1);
  return r?.id;
}

/**
 * homeRegionId for a record whose region is required (orders, directives, campaigns, bulletins,
 * articles, schemes): a database with no region at all has no office to make one.
 */
export async function makerRegionId(db: Executor, actor: Pick<Actor, 'unitId'> | null): Promise<string> {
  const id = await homeRegionId(db, actor);
  if (!id) throw new Error('no region to put the record in');
  return id;
}

/** The scope of whoever belongs to this unit: the unit's region and its subtree (for actors made outside a session: jobs, benches, tests). */
export async function scopeOfUnit(db: Executor, unitId: string): Promise<string[]> {
  const res = (await db.execute(
    sql`with recursive sub(id) as (select ${orgUnits.regionId} from ${orgUnits} where ${orgUnits.id} = ${unitId} union select r.id from ${regions} r join sub on r.parent_id = sub.id) select id from sub`,
  )) as unknown as { rows: { id: string }[] };
  return res.rows.map((r) => r.id);
}

/**
 * Whether the actor's own unit sits in a region at the top of the tree (no parent): the office that
 * runs the whole deployment. Settings every district shares (the reminder ladder, the mail server)
 * are that office's alone; a district's or a city's office would change them for all the others.
 */
export async function actsForTop(db: Executor, actor: Pick<Actor, 'unitId'>): Promise<boolean> {
  const [row] = await db
    .select({ parentId: regions.parentId })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(eq(orgUnits.id, actor.unitId));
  return !!row && row.parentId === null;
}
