import { asc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notificationChannels, orgUnits } from '../../db/schema/index.js';
import { unitIn, type RegionScope } from '../regionScope.js';

/**
 * The group robots of the reader's regions' units (and those of no unit, the deployment's), with
 * their units' names; the secret is never read here.
 */
export function listRobots(db: Executor, scope: RegionScope) {
  return db
    .select({ id: notificationChannels.id, kind: notificationChannels.kind, name: notificationChannels.name, url: notificationChannels.url, enabled: notificationChannels.enabled, unitId: notificationChannels.unitId, unitName: orgUnits.name })
    .from(notificationChannels)
    .leftJoin(orgUnits, eq(orgUnits.id, notificationChannels.unitId))
    .where(or(isNull(notificationChannels.unitId), unitIn(notificationChannels.unitId, scope)))
    .orderBy(asc(orgUnits.name), asc(notificationChannels.name));
}
