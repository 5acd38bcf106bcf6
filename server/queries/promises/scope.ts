import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { promises, responseRequests } from '../../db/schema/index.js';
import { hasRole } from '../../policies/actor.js';
import { SEE_ALL_PROMISES } from '../../policies/promise.js';
import { unitsWhere } from '../../policies/report.js';
import { scopeOf, unitIn } from '../regionScope.js';

/**
 * Response requests through the unit's routes: its liaison's or head's units' requests, nobody
 * else's (the oversight role reads them from the case, `requestsOfCase`).
 */
export function requestScope(actor: Actor | null): SQL | undefined {
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  return units.length ? inArray(responseRequests.unitId, units) : sql`false`;
}

/** Promises: the ledger's readers see all; a unit's liaison or head its units'. `undefined`: no restriction. */
export function promiseScope(actor: Actor | null): SQL | undefined {
  if (hasRole(actor, ...SEE_ALL_PROMISES)) return unitIn(promises.unitId, scopeOf(actor));
  const units = unitsWhere(actor, 'liaison', 'unit_head');
  return units.length ? inArray(promises.unitId, units) : sql`false`;
}
