import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain/enums.js';
import { lockoutHorizonMs, lockState } from '../../domain/lockout.js';
import type { SecurityPolicy } from '../../domain/securityPolicy.js';
import type { Executor } from '../db/client.js';
import { loginFailures, orgUnits, userRoles, users } from '../db/schema/index.js';
import { escapeLike } from '../audit.js';
import type { UserRow } from '../models/users.js';
import { unitIn, type RegionScope } from './regionScope.js';

export type { UserRow } from '../models/users.js';

/** Login accepts the account name (any case) or the mobile number. */
export async function findUserForLogin(db: Executor, accountOrMobile: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.account}) = lower(${accountOrMobile})`, eq(users.mobile, accountOrMobile)))
    .limit(1);
  return u;
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function rolesOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
}

export interface UserListFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
}

export async function listUsers(db: Executor, scope: RegionScope, f: UserListFilter, page: number, perPage: number) {
  const conds: SQL[] = [unitIn(users.unitId, scope)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(users.account, like), ilike(users.displayName, like), ilike(users.mobile, like), ilike(users.email, like))!);
  }
  if (f.unitId) conds.push(eq(users.unitId, f.unitId));
  if (f.role) conds.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${f.role})`);
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select({ user: users, unitName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(where)
    .orderBy(asc(users.account))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  return { rows, total: c?.n ?? 0 };
}

export async function unitName(db: Executor, unitId: string): Promise<string> {
  const [u] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, unitId));
  return u?.name ?? '';
}

/** Which of these users are locked out right now, from any address (one query for the whole page). */
export async function lockedUsers(db: Executor, list: UserRow[], policy: SecurityPolicy, now = new Date()): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const since = new Date(now.getTime() - lockoutHorizonMs(policy));
  const rows = await db
    .select({ userId: loginFailures.userId, ip: loginFailures.ip, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.userId, list.map((u) => u.id)), gt(loginFailures.at, since)));
  const locked = new Set<string>();
  for (const u of list) {
    const floor = u.lockResetAt?.getTime() ?? 0;
    const byAddress = new Map<string | null, Date[]>();
    for (const r of rows) if (r.userId === u.id && r.at.getTime() > floor) byAddress.set(r.ip, [...(byAddress.get(r.ip) ?? []), r.at]);
    if ([...byAddress.values()].some((fails) => lockState(fails, now, policy).locked)) locked.add(u.id);
  }
  return locked;
}

/** Display names of users, for rows that carry only their ids (one statement; none for no ids). */
export async function userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
