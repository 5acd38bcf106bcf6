import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every change of an item's light, written by a trigger on tasks, targets and projects (migration
 * 0023), whatever changed it (a report accepted, a blocker raised, the midnight run): the history the
 * dashboard reads to say how the lights moved in a period. A load that sets
 * `tuijin.light_history = 'off'` for its transaction (the demo's first computation) writes none.
 * `tx` is the writing transaction, as audit_log.tx: the feed shows a transaction's changes on its
 * audit record (server/queries/feedLights.ts).
 */
export const lightChanges = pgTable(
  'light_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    fromLight: text('from_light').notNull(),
    toLight: text('to_light').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** txid_current() of the change; 0 on the changes recorded before the column existed (0 is never a transaction id). */
    tx: bigint('tx', { mode: 'number' }).notNull().default(sql`txid_current()`),
  },
  (t) => [index('light_changes_at').on(t.at), index('light_changes_item').on(t.itemType, t.itemId, t.at), index('light_changes_tx').on(t.tx)],
);
