import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/enums.js';
import type { Database } from '../db/client.js';
import { bodies, bodyMembers, orgUnits, regions, userRoles, users } from '../db/schema/index.js';
import { hash } from '@node-rs/argon2';
import { newTotpSecret } from '../security/totp.js';
import type { App } from '../app.js';
import { freshTotpCode } from './totpCodes.js';

export const TEST_PASSWORD = 'Test-Password-1';
const uniq = () => randomBytes(4).toString('hex');

/**
 * The test users' password hash: argon2id as in production, but at the smallest cost. A login
 * checks a password against the parameters stored in its hash, so each of the suite's thousands of
 * logins costs well under a millisecond instead of the ~30 ms of CPU the production setting spends
 * on purpose (server/security/passwords.ts). Every hash the app itself makes (accounts created,
 * passwords changed or reset through the API) still uses the production setting.
 */
const TEST_HASH_COST = { algorithm: 2 /* Argon2id */, memoryCost: 64, timeCost: 1, parallelism: 1 } as const;
let hashed: Promise<string> | undefined;

type RegionRow = typeof regions.$inferSelect;
const districts = new WeakMap<Database, Promise<RegionRow>>();

/**
 * The district tests work in: one per database, made on first use, so that everyone and everything
 * a test makes meets in one district as in a real deployment (the region seal keeps districts
 * apart). `fresh` makes a region of its own; the sealing test switches districts with useDistrict.
 */
export async function makeRegion(database: Database, opts: { fresh?: boolean; over?: Partial<typeof regions.$inferInsert> } = {}): Promise<RegionRow> {
  if (!opts.fresh && !opts.over && districts.has(database)) return districts.get(database)!;
  const made = database.db
    .insert(regions)
    .values({ code: `r_${uniq()}`, name: `测试区${uniq()}`, ...opts.over })
    .returning()
    .then(([r]) => r!);
  if (!opts.fresh && !opts.over) districts.set(database, made);
  return made;
}

/** From now on the factories make their units, bodies and people in this region. */
export function useDistrict(database: Database, region: RegionRow): void {
  districts.set(database, Promise.resolve(region));
}

export async function makeUnit(database: Database, over: Partial<typeof orgUnits.$inferInsert> = {}) {
  const regionId = over.regionId ?? (await makeRegion(database)).id;
  const [u] = await database.db
    .insert(orgUnits)
    .values({ code: `u_${uniq()}`, name: `测试单位${uniq()}`, kind: 'department', ...over, regionId })
    .returning();
  return u!;
}

export interface MadeUser {
  id: string;
  account: string;
  password: string;
  unitId: string;
  totpSecret: string | null;
}

/** A user with the given roles; admins get an enrolled TOTP secret so tests can finish their login. */
export async function makeUser(
  database: Database,
  roles: { role: Role; unitId?: string | null; bodyId?: string | null }[],
  over: Partial<typeof users.$inferInsert> & { unitId?: string } = {},
): Promise<MadeUser> {
  const unitId = over.unitId ?? (await makeUnit(database)).id;
  const admin = roles.some((r) => ['sysadmin', 'secadmin', 'auditor'].includes(r.role));
  const totpSecret = admin ? newTotpSecret() : null;
  hashed ??= hash(TEST_PASSWORD, TEST_HASH_COST);
  const [u] = await database.db
    .insert(users)
    .values({
      account: `t_${uniq()}`,
      displayName: '测试用户',
      passwordHash: await hashed,
      mustChangePassword: false,
      totpSecret,
      totpEnabled: admin,
      ...over,
      unitId,
    })
    .returning();
  if (roles.length) await database.db.insert(userRoles).values(roles.map((r) => ({ userId: u!.id, role: r.role, unitId: r.unitId ?? null, bodyId: r.bodyId ?? null })));
  return { id: u!.id, account: u!.account, password: TEST_PASSWORD, unitId, totpSecret };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Logs in through the API (and the TOTP step for admins); returns headers for further requests. */
export async function loginAs(app: App, user: Pick<MadeUser, 'account' | 'password' | 'totpSecret'>): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: user.account, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken, stage } = res.json().data as { csrfToken: string; stage: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  if (stage === 'totp_verify' && user.totpSecret) {
    const code = await freshTotpCode(user.totpSecret);
    const v = await app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code } });
    if (v.statusCode !== 200) throw new Error(`totp failed: ${v.statusCode} ${v.body}`);
  }
  return { cookie, csrf: csrfToken, headers };
}

/** A coordinating body (task force by default) in a region of its own unless given one. */
export async function makeBody(database: Database, over: Partial<typeof bodies.$inferInsert> = {}) {
  const regionId = over.regionId ?? (await makeRegion(database)).id;
  const [b] = await database.db
    .insert(bodies)
    .values({ code: `b_${uniq()}`, name: `测试专项组${uniq()}`, kind: 'task_force', ...over, regionId })
    .returning();
  return b!;
}

/** A post in a body (成员 by default). */
export async function makeMember(database: Database, bodyId: string, over: Partial<typeof bodyMembers.$inferInsert> = {}) {
  const [m] = await database.db
    .insert(bodyMembers)
    .values({ post: 'member', title: '区发改局局长', ...over, bodyId })
    .returning();
  return m!;
}
