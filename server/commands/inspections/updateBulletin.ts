import { and, eq } from 'drizzle-orm';
import type { BulletinUpdate } from '../../../domain/schemas/bulletin.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { bulletins } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { bulletinScope } from '../../queries/inspections/scope.js';

/** Edits a draft: what is given replaces what was, if the version is still the one read. An issued bulletin is frozen (409). */
export async function updateBulletin(ctx: Ctx, id: string, input: BulletinUpdate) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(bulletins)
      .where(and(eq(bulletins.id, id), bulletinScope(ctx.actor)))
      .for('update');
    if (!before) throw notFound('bulletin');
    // Frozen first: whatever version the editor holds, an issued text does not change.
    if (before.status !== 'draft') throw new AppError(409, 'bulletin_issued');
    if (before.version !== input.version) throw versionConflict();
    const { version, ...given } = input;
    const [after] = await tx
      .update(bulletins)
      .set({ ...given, version: version + 1 })
      .where(and(eq(bulletins.id, id), eq(bulletins.version, version)))
      .returning();
    await recordAudit(tx, ctx, 'bulletin.updated', { entity: 'bulletin', entityId: id, before, after });
    return after!;
  });
}
