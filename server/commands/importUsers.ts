import { sql } from 'drizzle-orm';
import type { Lang } from '../../domain/enums.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { orgUnits, users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import type { Upload } from '../uploads.js';
import { checkImportRows, readImportSheet, type CheckedRow } from '../xlsx/userImport.js';
import { replaceRoles } from './roleGrants.js';

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
 * whole file (422 with the rows' errors). One audit record lists the accounts created.
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
        .values({ account: p.input.account, mobile: p.input.mobile ?? null, displayName: p.input.displayName, unitId: p.input.unitId, passwordHash: p.hash, mustChangePassword: true })
        .returning({ id: users.id, unitId: users.unitId });
      await replaceRoles(tx, u!.id, u!.unitId, p.input.roles);
      created.push({ id: u!.id, account: p.input.account, initialPassword: p.password });
    }
    await recordAudit(tx, ctx, 'user.imported', { entity: 'user', after: { count: created.length, users: created.map(({ id, account }) => ({ id, account })) } });
    return created.map(({ account, initialPassword }) => ({ account, initialPassword }));
  });
}
