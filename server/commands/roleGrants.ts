import { eq } from 'drizzle-orm';
import type { RoleGrantInput } from '../../domain/schemas/users.js';
import type { Tx } from '../db/client.js';
import { bodies, userRoles } from '../db/schema/index.js';
import { ensureExists } from '../db/references.js';
import { orgUnits } from '../db/schema/index.js';
import { AppError } from '../errors.js';

/** Replaces a user's roles after checking every scope exists; unit roles default to the user's unit. */
export async function replaceRoles(tx: Tx, userId: string, userUnitId: string, grants: RoleGrantInput[]) {
  const seen = new Set<string>();
  const rows = [];
  for (const [i, g] of grants.entries()) {
    await ensureExists(tx, orgUnits, g.unitId, `roles.${i}.unitId`);
    await ensureExists(tx, bodies, g.bodyId, `roles.${i}.bodyId`);
    if (g.unitId && g.bodyId) throw new AppError(422, 'scope_invalid', { field: `roles.${i}` }, { [`roles.${i}`]: 'unitId | bodyId' });
    const unitId = g.unitId ?? ((g.role === 'unit_head' || g.role === 'liaison') && !g.bodyId ? userUnitId : null);
    const key = `${g.role}|${unitId}|${g.bodyId ?? null}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ userId, role: g.role, unitId, bodyId: g.bodyId ?? null });
  }
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (rows.length) await tx.insert(userRoles).values(rows);
  return rows;
}
