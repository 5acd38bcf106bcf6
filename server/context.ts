import type { Lang, Role } from '../domain/enums.js';
import type { Database, Tx } from './db/client.js';
import { sealWrite } from './queries/writeScope.js';

export interface RoleGrant {
  role: Role;
  unitId: string | null;
  bodyId: string | null;
}

/** The person acting: who, in which unit, with which roles. */
export interface Actor {
  userId: string;
  account: string;
  /** The name shown beside what they did (a step in a report's history); absent where no session loaded it. */
  displayName?: string | null;
  unitId: string;
  roles: RoleGrant[];
  /**
   * The region scope: the region of the actor's unit and every region under it (a district: itself;
   * a city: itself and its districts). Loaded once per request with the session; every read and
   * write of region-owned rows is limited to it (server/queries/regionScope.ts).
   */
  regionIds: readonly string[];
}

/** Per-request context handed to commands and queries. */
export interface Ctx {
  database: Database;
  actor: Actor | null;
  ip: string | null;
  requestId: string;
  lang: Lang;
  sessionId: string | null;
}

/**
 * Runs a command in one transaction; the command stages its own audit record inside it, which is
 * linked into the chain after the commit and before the command returns. An actor's transaction
 * carries its region scope: what the command's input names must lie in it (queries/writeScope.ts).
 */
export async function inTx<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const actor = ctx.actor;
  const result = await ctx.database.db.transaction(async (tx) => {
    if (actor) sealWrite(tx, actor.regionIds);
    return fn(tx);
  });
  await ctx.database.linkAudit();
  return result;
}
