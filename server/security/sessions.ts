import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SessionStage } from '../../domain/schemas/auth.js';
import type { SecurityPolicy } from '../../domain/securityPolicy.js';
import type { Database, Executor } from '../db/client.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { orgUnits, regions, sessions, userRoles, users } from '../db/schema/index.js';
import type { Actor, RoleGrant } from '../context.js';
import { sessionCache } from './sessionCache.js';

export const SESSION_COOKIE = 'tuijin_sid';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: string, stage: SessionStage, ip: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({ id: digest(token), userId, stage, csrfToken, createdAt: now, lastSeenAt: now, ip });
  return { token, csrfToken, sessionId: digest(token) };
}

export interface LoadedSession {
  sessionId: string;
  stage: SessionStage;
  csrfToken: string;
  actor: Actor;
}

export type SessionLookup = { ok: true; session: LoadedSession; touch: boolean } | { ok: false; reason: 'none' | 'expired' };

// The roles come in the same query: this runs on every request, so one round trip, not two.
const roles = sql<RoleGrant[]>`coalesce((select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'bodyId', r.body_id)) from ${userRoles} r where r.user_id = ${users.id}), '[]'::json)`;
// The region scope too: the unit's region and its subtree (domain/regions.ts subtree; UNION stops at a stored cycle).
const regionIds = sql<string[]>`coalesce((with recursive sub(id) as (select ou.region_id from ${orgUnits} ou where ou.id = ${users.unitId} union select rg.id from ${regions} rg join sub on rg.parent_id = sub.id) select json_agg(sub.id) from sub), '[]'::json)`;
const sessionById = preparedPerDatabase((db) =>
  db
    .select({ s: sessions, u: { id: users.id, account: users.account, displayName: users.displayName, unitId: users.unitId, disabled: users.disabled }, roles, regionIds })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.endedAt)))
    .prepare('session_by_id'),
);

const cachedSessions = sessionCache(async (database, id) => (await sessionById(database.db).execute({ id }))[0]);

/** Forgets the sessions this process has cached: for tests that change sessions in the database directly, as another process would. */
export const forgetCachedSessions = (database: Database): void => cachedSessions.forgetAll(database);
/** Tests only: the cached sessions as they will be after `ms` more milliseconds. */
export const ageCachedSessionsForTests = (database: Database, ms: number): void => cachedSessions.ageForTests(database, ms);

/**
 * Finds a live session: not ended, not idle past the timeout, not older than the absolute limit.
 * The row may come from the short cache (sessionCache.ts); the timeouts are checked every time.
 */
export async function loadSession(database: Database, token: string, policy: SecurityPolicy, now = new Date()): Promise<SessionLookup> {
  const row = await cachedSessions.get(database, digest(token));
  if (!row) return { ok: false, reason: 'none' };
  const idleMs = policy.idleTimeoutMinutes * 60_000;
  const absMs = policy.absoluteTimeoutHours * 3_600_000;
  if (row.u.disabled || now.getTime() - row.s.lastSeenAt.getTime() > idleMs || now.getTime() - row.s.createdAt.getTime() > absMs) {
    return { ok: false, reason: 'expired' };
  }
  const touch = now.getTime() - row.s.lastSeenAt.getTime() > 30_000;
  // The caller records the touch; the cached row learns it too, or every request until the row is read again would touch.
  if (touch) row.s.lastSeenAt = now;
  return {
    ok: true,
    touch,
    session: {
      sessionId: row.s.id,
      stage: row.s.stage as SessionStage,
      csrfToken: row.s.csrfToken,
      actor: {
        userId: row.u.id,
        account: row.u.account,
        displayName: row.u.displayName,
        unitId: row.u.unitId,
        roles: row.roles.map((r): RoleGrant => ({ role: r.role, unitId: r.unitId, bodyId: r.bodyId })),
        regionIds: row.regionIds,
      },
    },
  };
}

/** Idle-timeout bookkeeping: technical, not a business change, so it writes no audit record. */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function setSessionStage(db: Executor, sessionId: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (disable, password reset). */
export async function endUserSessions(db: Executor, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}

/** Counts one wrong current password given by the session; returns how many it has given. */
export async function countPasswordFailure(db: Executor, sessionId: string): Promise<number> {
  const [row] = await db
    .update(sessions)
    .set({ passwordFailures: sql`${sessions.passwordFailures} + 1` })
    .where(eq(sessions.id, sessionId))
    .returning({ n: sessions.passwordFailures });
  return row?.n ?? 0;
}
