import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { bodies, orgUnits, sessions, users } from '../db/schema/index.js';
import type { Actor } from '../context.js';

/** Everything `/api/me` shows: the user, their unit, roles with the names of their scopes. */
export async function loadMe(db: Executor, actor: Actor, sessionId: string) {
  const [row] = await db
    .select({ user: users, unitName: orgUnits.name, stage: sessions.stage, csrfToken: sessions.csrfToken })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .innerJoin(sessions, eq(sessions.id, sessionId))
    .where(eq(users.id, actor.userId));
  if (!row) return undefined;
  const unitIds = actor.roles.map((r) => r.unitId).filter((x): x is string => !!x);
  const bodyIds = actor.roles.map((r) => r.bodyId).filter((x): x is string => !!x);
  const unitNames = new Map(
    unitIds.length ? (await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unitIds))).map((u) => [u.id, u.name]) : [],
  );
  const bodyNames = new Map(
    bodyIds.length ? (await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(inArray(bodies.id, bodyIds))).map((b) => [b.id, b.name]) : [],
  );
  return {
    id: row.user.id,
    account: row.user.account,
    displayName: row.user.displayName,
    unit: { id: row.user.unitId, name: row.unitName },
    roles: actor.roles.map((r) => ({
      ...r,
      scopeName: (r.bodyId && bodyNames.get(r.bodyId)) || (r.unitId && unitNames.get(r.unitId)) || null,
    })),
    stage: row.stage as 'ok',
    csrfToken: row.csrfToken,
    totpEnabled: row.user.totpEnabled,
  };
}
