import { sql } from 'drizzle-orm';
import { bigint, bigserial, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** Key-value configuration (security policy, …), versioned like any editable row. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(0),
});

/** 留痕: append-only, hash-chained. `id` is assigned from `audit_head` so the chain has no gaps. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorAccount: text('actor_account'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The writing transaction (txid_current(), carried over from audit_pending): what ties the
     * record to the light changes of the same transaction (the feed's light summary). Outside the
     * hash: it is not part of what was done, and the records linked before it existed have none.
     */
    tx: bigint('tx', { mode: 'number' }),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_actor').on(t.actorAccount), index('audit_log_at').on(t.at), index('audit_log_tx').on(t.tx)],
);

/** One row: the chain's head. Locking it orders concurrent writers into one chain. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/**
 * An audit record staged by its write's transaction and linked into the chain right after the
 * commit (audit_link_pending, migrations 0008 and 0009), which deletes it. Empty whenever no write
 * is in flight, unless a process died between its commit and its link: the next link takes those too.
 * Only the canonical JSON is staged: the linker reads the record's fields out of it, so a write
 * logs the before and after once rather than twice.
 */
export const auditPending = pgTable('audit_pending', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  /** The record's canonical JSON before and after its id, which is assigned at linking. */
  bodyHead: text('body_head').notNull(),
  bodyTail: text('body_tail').notNull(),
  /** The staging transaction, for audit_log.tx; 0 on rows staged before the column existed. */
  tx: bigint('tx', { mode: 'number' }).notNull().default(sql`txid_current()`),
  /**
   * Whose kept replies the write may change (server/queries/versionedCache.ts): the org units
   * whose workbench or unit task list it touches, `{}` for none of them (a sign-in), NULL for
   * anything (every write that does not declare). The linker moves each scope's version in
   * scope_versions; outside the hash, not kept in audit_log.
   */
  scopes: text('scopes').array(),
});

/**
 * Each scope's version: the newest audit id of a record that declared it (an org unit's id), or
 * `*` for the records that declared nothing (they may change anything). Written only by the linker
 * (audit_link_pending, migration 0039), under the audit head's lock, so writers never wait on it.
 */
export const scopeVersions = pgTable('scope_versions', {
  scope: text('scope').primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull(),
});

/**
 * Staged audit records the linker could not link (PostgreSQL could not parse them as JSON): set
 * aside, so that one such record can never stop every later write or the server's start. The chain
 * records each quarantine (action `audit.quarantined`), the server warns at start while the table
 * is not empty, and `npm run audit:verify` lists them.
 */
export const auditQuarantine = pgTable('audit_quarantine', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  bodyHead: text('body_head').notNull(),
  bodyTail: text('body_tail').notNull(),
  /** PostgreSQL's own words for what is wrong with it. */
  reason: text('reason').notNull(),
  quarantinedAt: timestamp('quarantined_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Fixed-window attempt counters (logins per source address, all logins together), kept in the
 * database so that every server process on it counts the same attempts. Expired windows are
 * deleted now and then (server/security/rateCounters.ts).
 */
export const rateCounters = pgTable('rate_counters', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEnds: timestamp('window_ends', { withTimezone: true }).notNull(),
});
