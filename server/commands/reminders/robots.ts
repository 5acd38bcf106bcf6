import { and, eq } from 'drizzle-orm';
import type { RobotCreate } from '../../../domain/schemas/reminder.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { notificationChannels, orgUnits } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { referable } from '../../queries/writeScope.js';
import { badReference } from '../planning/checks.js';

/** The HQ office adds a unit's group robot; the audit record names it, never its URL's key nor its secret. */
export async function addRobot(ctx: Ctx, input: RobotCreate) {
  return inTx(ctx, async (tx) => {
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.id, input.unitId), referable(tx, orgUnits)));
    if (!unit) throw badReference('unitId');
    const [row] = await tx
      .insert(notificationChannels)
      .values({ kind: input.kind, name: input.name, url: input.url, secret: input.secret ?? null, unitId: input.unitId })
      .returning({ id: notificationChannels.id });
    await recordAudit(tx, ctx, 'notification_channel.created', { entity: 'notification_channel', entityId: row!.id, after: { kind: input.kind, name: input.name, unitId: input.unitId } });
    return row!.id;
  });
}

/** Removes a robot; what was queued for it stays in the log, and is no longer sent. */
export async function removeRobot(ctx: Ctx, id: string) {
  await inTx(ctx, async (tx) => {
    const [gone] = await tx.delete(notificationChannels).where(eq(notificationChannels.id, id)).returning({ id: notificationChannels.id, kind: notificationChannels.kind, name: notificationChannels.name, unitId: notificationChannels.unitId });
    if (!gone) throw notFound('notification_channel');
    await recordAudit(tx, ctx, 'notification_channel.deleted', { entity: 'notification_channel', entityId: id, before: { kind: gone.kind, name: gone.name, unitId: gone.unitId } });
  });
}
