import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { recordAudit, type AuditScope } from '../../audit.js';
import type { Actor, Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { StepWriter } from './takeStep.js';

interface LockedWriterOptions<Found, A extends string, Result, Key> {
  /** The audit record's entity. */
  entity: string;
  load(tx: Tx, ctx: Ctx & { actor: Actor }, key: Key, action: A): Promise<Found | undefined>;
  /** Moves the row on: `set` holds the step's columns, its new state and version. */
  update(tx: Tx, found: Found, set: Record<string, unknown>): Promise<Result>;
  version(found: Found): number;
  /** The row's state column (a claim's is `claimStatus`). */
  statusColumn?: string;
  /** What the audit record names and shows; by default the row itself, before and after. */
  audit?(tx: Tx, found: Found, after: Result): Promise<{ entityId: string; before: unknown; after: Record<string, unknown> }>;
  /** Whose kept replies the step may change (AuditEntry.scope); without it, anyone's. */
  scope?(found: Found, after: Result): AuditScope;
}

/** A writer that reads the row under a lock and writes it, its effects and its audit record in one transaction. */
export function lockedWriter<Found extends object, St extends string, A extends string, Result extends object, Key = string>(
  o: LockedWriterOptions<Found, A, Result, Key>,
): StepWriter<Found, St, A, Result, Tx, Key> {
  return {
    locked: true,
    load: o.load,
    async write(tx, ctx, step, effects) {
      const set = { ...step.set, [o.statusColumn ?? 'status']: step.to, version: o.version(step.found) + 1 };
      const after = await o.update(tx, step.found, set);
      await effects?.(tx, step.found, after);
      const shown = o.audit ? await o.audit(tx, step.found, after) : { entityId: (step.found as { id: string }).id, before: step.found, after };
      const scope = o.scope?.(step.found, after);
      await recordAudit(tx, ctx, step.auditAction, { entity: o.entity, entityId: shown.entityId, before: shown.before, after: { ...shown.after, ...step.note }, ...(scope ? { scope } : {}) });
      return after;
    },
  };
}

type RowTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * The locked writer of a plain versioned table: the row by id, within `scope` when the actor may
 * see only some rows (404 outside it).
 */
export function rowWriter<T extends RowTable, St extends string, A extends string>(
  table: T,
  entity: string,
  scope?: (tx: Tx, actor: Actor) => SQL | undefined,
): StepWriter<T['$inferSelect'], St, A, T['$inferSelect'], Tx> {
  type Row = T['$inferSelect'];
  return lockedWriter<Row, St, A, Row>({
    entity,
    version: (r) => (r as { version: number }).version,
    async load(tx, ctx, id) {
      const rows = await tx
        .select()
        .from(table as PgTable)
        .where(and(eq(table.id, id), scope?.(tx, ctx.actor)))
        .for('update');
      return rows[0] as Row | undefined;
    },
    async update(tx, found, set) {
      const rows = (await tx
        .update(table)
        .set(set as never)
        .where(eq(table.id, (found as { id: string }).id))
        .returning()) as unknown as Row[];
      return rows[0]!;
    },
  });
}
