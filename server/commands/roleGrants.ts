import { eq } from 'drizzle-orm';
import { roleConflict } from '../../domain/adminSeparation.js';
import type { Role } from '../../domain/enums.js';
import type { RoleGrantInput } from '../../domain/schemas/users.js';
import type { Tx } from '../db/client.js';
import { bodies, orgUnits, userRoles } from '../db/schema/index.js';
import { ensureExists } from '../db/references.js';
import { AppError } from '../errors.js';

export interface Grant {
  role: Role;
  unitId: string | null;
  bodyId: string | null;
}

/** A grant as stored: unit roles default to the user's unit; duplicates dropped. */
export function normaliseGrants(userUnitId: string, grants: readonly RoleGrantInput[]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const g of grants) {
    const unitId = g.unitId ?? ((g.role === 'unit_head' || g.role === 'liaison') && !g.bodyId ? userUnitId : null);
    const grant = { role: g.role, unitId, bodyId: g.bodyId ?? null };
    if (seen.has(grantKey(grant))) continue;
    seen.add(grantKey(grant));
    out.push(grant);
  }
  return out;
}

const grantKey = (g: Grant) => `${g.role}|${g.unitId}|${g.bodyId}`;

/** Whether two sets of grants are the same, in any order. */
export const sameGrants = (a: readonly Grant[], b: readonly Grant[]): boolean => {
  const ka = new Set(a.map(grantKey));
  const kb = new Set(b.map(grantKey));
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
};

/** Checks every scope exists and that the set keeps the admin duties apart (422 naming the field otherwise). */
export async function checkGrants(tx: Tx, grants: readonly RoleGrantInput[]): Promise<void> {
  for (const [i, g] of grants.entries()) {
    await ensureExists(tx, orgUnits, g.unitId, `roles.${i}.unitId`);
    await ensureExists(tx, bodies, g.bodyId, `roles.${i}.bodyId`);
    if (g.unitId && g.bodyId) throw new AppError(422, 'scope_invalid', { field: `roles.${i}` }, { [`roles.${i}`]: 'unitId | bodyId' });
  }
  const conflict = roleConflict(grants.map((g) => g.role));
  if (conflict) throw new AppError(422, `roles_${conflict.kind}`, { roles: conflict.roles.join('、') }, { roles: conflict.roles.join(', ') });
}

/** Replaces a user's roles after checking them; unit roles default to the user's unit. */
export async function replaceRoles(tx: Tx, userId: string, userUnitId: string, grants: readonly RoleGrantInput[]): Promise<Grant[]> {
  await checkGrants(tx, grants);
  const rows = normaliseGrants(userUnitId, grants);
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (rows.length) await tx.insert(userRoles).values(rows.map((r) => ({ userId, ...r })));
  return rows;
}

/** A user's grants as stored. */
export async function grantsOf(tx: Tx, userId: string): Promise<Grant[]> {
  const rows = await tx.select().from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map(({ role, unitId, bodyId }) => ({ role: role as Role, unitId, bodyId }));
}
