import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notificationDeliveries, notifications, orgUnits, users } from '../../db/schema/index.js';
import type { DeliveryRow } from '../../models/reminders.js';
import { unitIn, type RegionScope } from '../regionScope.js';

export interface DeliveryFilter {
  day?: string | undefined;
  status?: string | undefined;
}

/**
 * The delivery log (the HQ office's "what was sent to whom, and did it arrive"): every delivery
 * with its message's person, their unit, the day, how many lines, newest first. Only the messages
 * of people of the reader's regions (the region seal): another district's reminders name its items.
 */
export async function listDeliveries(db: Executor, scope: RegionScope, f: DeliveryFilter, page: number, perPage: number): Promise<{ rows: DeliveryRow[]; total: number }> {
  const conds: SQL[] = [unitIn(users.unitId, scope)];
  if (f.day) conds.push(eq(notifications.day, f.day));
  if (f.status) conds.push(eq(notificationDeliveries.status, f.status));
  const where = and(...conds);
  const rows = await db
    .select({ delivery: notificationDeliveries, message: { id: notifications.id, kind: notifications.kind, day: notifications.day, userId: notifications.userId, items: notifications.items, readAt: notifications.readAt }, userName: users.displayName, unitName: orgUnits.name })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(where)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [n] = await db
    .select({ n: count() })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(where);
  return { rows, total: n?.n ?? 0 };
}
