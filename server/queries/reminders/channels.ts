import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notificationChannels, orgUnits } from '../../db/schema/index.js';

/** The group robots, with their units' names; the secret is never read here. */
export function listRobots(db: Executor) {
  return db
    .select({ id: notificationChannels.id, kind: notificationChannels.kind, name: notificationChannels.name, url: notificationChannels.url, enabled: notificationChannels.enabled, unitId: notificationChannels.unitId, unitName: orgUnits.name })
    .from(notificationChannels)
    .leftJoin(orgUnits, eq(orgUnits.id, notificationChannels.unitId))
    .orderBy(asc(orgUnits.name), asc(notificationChannels.name));
}
