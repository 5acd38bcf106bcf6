import { sql } from 'drizzle-orm';
import { recordAudit } from '../server/audit.js';
import type { Database, Tx } from '../server/db/client.js';
import { bodies, bodyMembers, orgUnits, regions, userRoles, users } from '../server/db/schema/index.js';
import { hashPassword, randomPassword } from '../server/security/passwords.js';
import { DEMO_ACCOUNTS, staffAccounts } from './accounts.js';
import { DEMO_BODIES, DEMO_REGION, DEMO_UNITS } from './org.js';
import { loadWork } from './workLoad.js';

export interface DemoLogin {
  account: string;
  displayName: string;
  password: string | null;
}

/** What one area's loader gets: the transaction and the ids made so far, by code. */
export interface DemoContext {
  tx: Tx;
  regionId: string;
  units: Map<string, string>;
  bodies: Map<string, string>;
  users: Map<string, string>;
  /** What each area loaded, by kind, for the loader's one audit record. */
  counts: Record<string, number>;
}

/** Area loaders run in order after the organisation; later issues append theirs (plans, tasks, …). */
export const DEMO_AREAS: ((c: DemoContext) => Promise<void>)[] = [loadWork];

async function loadOrganisation(tx: Tx) {
  const [region] = await tx.insert(regions).values(DEMO_REGION).returning();
  const regionId = region!.id;
  const units = new Map<string, string>();
  for (const [i, u] of DEMO_UNITS.entries()) {
    const [row] = await tx.insert(orgUnits).values({ ...u, regionId, sort: i }).returning({ id: orgUnits.id });
    units.set(u.code, row!.id);
  }
  const bodyIds = new Map<string, string>();
  for (const b of DEMO_BODIES) {
    const [row] = await tx
      .insert(bodies)
      .values({
        regionId,
        code: b.code,
        name: b.name,
        kind: b.kind,
        parentId: b.parent ? bodyIds.get(b.parent) : null,
        leadUnitId: b.leadUnit ? units.get(b.leadUnit) : null,
      })
      .returning({ id: bodies.id });
    bodyIds.set(b.code, row!.id);
    await tx.insert(bodyMembers).values(b.members.map((m, i) => ({ bodyId: row!.id, post: m.post, title: m.title, unitId: units.get(m.unit) ?? null, sort: i })));
  }
  return { regionId, units, bodies: bodyIds };
}

/**
 * Loads the demo district once, on an empty database, in one transaction with one audit record.
 * With a fixed password every account uses it and needs no change; otherwise each gets a random
 * initial password, returned here to be printed once.
 */
export async function loadDemoIfEmpty(database: Database, fixedPassword?: string): Promise<DemoLogin[] | null> {
  const db = database.db;
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n > 0) return null;
  const passwords = DEMO_ACCOUNTS.map(() => fixedPassword ?? randomPassword());
  // The staff accounts share one hash: of the fixed password, or of a random one nobody is told.
  const [staffHash, ...hashes] = await Promise.all([hashPassword(fixedPassword ?? randomPassword()), ...passwords.map((p) => hashPassword(p))]);
  const logins = await db.transaction(async (tx) => {
    const org = await loadOrganisation(tx);
    const userIds = new Map<string, string>();
    const people = [
      ...DEMO_ACCOUNTS.map((a, i) => ({ ...a, role: a.account, hash: hashes[i]! })),
      ...staffAccounts().map((a) => ({ ...a, hash: staffHash! })),
    ];
    const made = await tx
      .insert(users)
      .values(people.map((a) => ({ account: a.account, displayName: a.displayName, unitId: org.units.get(a.unit)!, passwordHash: a.hash, mustChangePassword: !fixedPassword })))
      .returning({ id: users.id, account: users.account });
    for (const u of made) userIds.set(u.account, u.id);
    await tx.insert(userRoles).values(
      people.map((a) => ({
        userId: userIds.get(a.account)!,
        role: a.role,
        unitId: a.scopeUnit ? org.units.get(a.scopeUnit)! : null,
        bodyId: a.scopeBody ? org.bodies.get(a.scopeBody)! : null,
      })),
    );
    const ctx: DemoContext = { tx, ...org, users: userIds, counts: {} };
    for (const area of DEMO_AREAS) await area(ctx);
    await recordAudit(tx, { actor: null, ip: null, requestId: 'demo' }, 'system.demo_loaded', {
      entity: 'region',
      entityId: org.regionId,
      after: { units: org.units.size, bodies: org.bodies.size, users: userIds.size, ...ctx.counts },
    });
    return DEMO_ACCOUNTS.map((a, i) => ({ account: a.account, displayName: a.displayName, password: passwords[i]! }));
  });
  await database.linkAudit();
  return logins;
}

export { demoLoginLines, demoReminderLines } from './loginLines.js';
