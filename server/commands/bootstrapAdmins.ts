import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../domain/enums.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Database, Executor, Tx } from '../db/client.js';
import { orgUnits, regions, userRoles, users } from '../db/schema/index.js';
import { hashPassword, randomPassword } from '../security/passwords.js';

/** One first administrator and the one-time password to hand them. */
export interface BootstrapLogin {
  account: string;
  role: Role;
  displayName: string;
  password: string;
}

/**
 * One account per admin role (三员分立). A sysadmin alone could not finish the set: an admin role is
 * granted only by a secadmin's approval (commands/roleProposals.ts), and there would be no secadmin
 * to give it. So the three are made together, each by its own password, to be handed to three people.
 */
export const BOOTSTRAP_ADMINS: readonly { account: string; role: Role; displayName: string }[] = [
  { account: 'sysadmin', role: 'sysadmin', displayName: '系统管理员' },
  { account: 'secadmin', role: 'secadmin', displayName: '安全管理员' },
  { account: 'auditor', role: 'auditor', displayName: '审计管理员' },
];

/** Where the first accounts live until the sysadmin names the real region and unit (组织机构). */
const PLACEHOLDER_REGION = { code: 'region', name: '本行政区' };
const PLACEHOLDER_UNIT = { code: 'it_admin', name: '系统管理', kind: 'other' };

/** Two servers starting on one blank database at once: the second waits, then finds the accounts made. */
const BOOTSTRAP_LOCK = 0x7475_696a; // "tuij"

/**
 * The unit the first accounts belong to (a user must have one), in the region already there or a
 * placeholder one: an operator who loaded the organisation by hand before the first start keeps it.
 */
async function placeholderUnit(tx: Tx, ctx: Ctx) {
  let [region] = await tx.select().from(regions).orderBy(asc(regions.createdAt)).limit(1);
  if (!region) {
    [region] = await tx.insert(regions).values(PLACEHOLDER_REGION).returning();
    await recordAudit(tx, ctx, 'region.created', { entity: 'region', entityId: region!.id, after: { ...region, via: 'bootstrap' } });
  }
  const [found] = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.regionId, region!.id), eq(orgUnits.code, PLACEHOLDER_UNIT.code)));
  if (found) return found;
  const [unit] = await tx
    .insert(orgUnits)
    .values({ ...PLACEHOLDER_UNIT, regionId: region!.id })
    .returning();
  await recordAudit(tx, ctx, 'unit.created', { entity: 'unit', entityId: unit!.id, after: { ...unit, via: 'bootstrap' } });
  return unit!;
}

const hasUsers = async (db: Executor) => (await db.select({ one: sql`1` }).from(users).limit(1)).length > 0;

/**
 * The first administrators of a blank database: created only while it holds no account at all,
 * each with a random one-time password that must be changed at first login, where the admin role
 * also makes them enrol a TOTP second factor (domain/sessionStage.ts). `deliver` hands the
 * passwords out (a 0600 file or stdout) inside the transaction, so that accounts whose passwords
 * could not be delivered are never committed. Returns null when the database already has accounts.
 */
export async function bootstrapAdmins(database: Database, deliver: (logins: BootstrapLogin[]) => void): Promise<BootstrapLogin[] | null> {
  // Every later start stops here, before hashing anything.
  if (await hasUsers(database.db)) return null;
  const logins = BOOTSTRAP_ADMINS.map((a) => ({ ...a, password: randomPassword() }));
  const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));
  const ctx: Ctx = { database, actor: null, ip: null, requestId: 'bootstrap', lang: 'zh-CN', sessionId: null };
  return inTx(ctx, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    if (await hasUsers(tx)) return null;
    const unit = await placeholderUnit(tx, ctx);
    for (const [i, l] of logins.entries()) {
      const [user] = await tx
        .insert(users)
        .values({ account: l.account, displayName: l.displayName, unitId: unit.id, passwordHash: hashes[i]!, mustChangePassword: true })
        .returning();
      await tx.insert(userRoles).values({ userId: user!.id, role: l.role, unitId: null, bodyId: null });
      await recordAudit(tx, ctx, 'user.bootstrapped', { entity: 'user', entityId: user!.id, after: { ...user, roles: [{ role: l.role, unitId: null, bodyId: null }] } });
    }
    deliver(logins);
    return logins;
  });
}
