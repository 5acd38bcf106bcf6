import { sql } from 'drizzle-orm';
import { needsSecondAdmin } from '../../domain/adminSeparation.js';
import type { Lang } from '../../domain/enums.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { orgUnits, users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import type { Upload } from '../uploads.js';
import { checkImportRows, readImportSheet, type CheckedRow } from '../xlsx/userImport.js';
import { checkGrants, normaliseGrants, replaceRoles } from './roleGrants.js';
import { proposeRoles } from './roleProposals.js';

async function lookups(db: Executor) {
  const units = await db.select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code }).from(orgUnits);
  const byText = new Map<string, string>();
  for (const u of units) {
    byText.set(u.name, u.id);
    byText.set(u.code, u.id);
  }
  const taken = await db.select({ account: sql<string>`lower(${users.account})`, mobile: users.mobile }).from(users);
  return {
    unitId: (t: string) => byText.get(t.trim()),
    takenAccounts: new Set(taken.map((t) => t.account)),
    takenMobiles: new Set(taken.map((t) => t.mobile).filter((m): m is string => !!m)),
  };
}

/** Reads and checks the sheet without writing anything. */
export async function previewImport(db: Executor, file: Upload, lang: Lang): Promise<CheckedRow[]> {
  return checkImportRows(await readImportSheet(file), await lookups(db), lang);
}

/**
 * Creates every account of the sheet in one transaction, or none: a single bad row refuses the
 * whole file (422 with the rows' errors). A row asking for an admin role creates the account
 * without roles and proposes them to the secadmin, as the form does (三员分立). One audit record
 * lists the accounts created and the proposals.
 */
export async function commitImport(ctx: Ctx, file: Upload) {
  const rows = await previewImport(ctx.database.db, file, ctx.lang);
  const bad = rows.filter((r) => r.errors.length);
  if (bad.length) {
    const fields: Record<string, string> = {};
    for (const r of bad) fields[`row${r.row}`] = r.errors.map((e) => `${e.field}: ${e.message}`).join('；');
    throw new AppError(422, 'import_invalid', { count: bad.length }, fields);
  }
  // Hashed before the transaction (argon2 runs on the thread pool) so the database is not held meanwhile.
  const prepared = await Promise.all(
    rows.map(async (r) => {
      const password = randomPassword();
      return { input: r.input!, password, hash: await hashPassword(password) };
    }),
  );
  return inTx(ctx, async (tx) => {
    const created = [];
    for (const p of prepared) {
      const [u] = await tx
        .insert(users)
        .values({ account: p.input.account, mobile: p.input.mobile ?? null, email: p.input.email ?? null, displayName: p.input.displayName, unitId: p.input.unitId, passwordHash: p.hash, mustChangePassword: true })
        .returning({ id: users.id, unitId: users.unitId });
      const wanted = normaliseGrants(u!.unitId, p.input.roles);
      let proposalId: string | null = null;
      if (needsSecondAdmin([], wanted.map((g) => g.role))) {
        await checkGrants(tx, p.input.roles);
        proposalId = (await proposeRoles(tx, ctx, u!.id, [], wanted)).id;
      } else await replaceRoles(tx, u!.id, u!.unitId, p.input.roles);
      created.push({ id: u!.id, account: p.input.account, initialPassword: p.password, proposalId, proposedRoles: proposalId ? wanted : undefined });
    }
    await recordAudit(tx, ctx, 'user.imported', {
      entity: 'user',
      after: { count: created.length, users: created.map(({ id, account, proposalId, proposedRoles }) => ({ id, account, ...(proposalId ? { proposalId, proposedRoles } : {}) })) },
    });
    return created.map(({ account, initialPassword, proposalId }) => ({ account, initialPassword, pendingApproval: proposalId !== null }));
  });
}
