import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, like, sql } from 'drizzle-orm';
import { bodyAroundId, quarantinedAuditRecords, quarantineNotice, recordAudit, verifyAuditChain } from './audit.js';
import { openDatabase } from './db/client.js';
import { auditLog, auditPending, settings } from './db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './testing/databases.js';

// The database links staged records (audit_link_pending, called after each commit) from the canonical JSON
// the server splits around the id; the verifier recomputes the hash in Node. These records try to confuse the split or the
// byte encoding: nested "id" keys (even the id's own text), non-ASCII text, quotes and newlines.
const awkward = [
  { entity: 'report', entityId: 'r1', after: { id: 'r1', status: 'submitted', nested: { id: 7, list: [{ id: null }] } } },
  { entity: 'unit', entityId: '单位', before: { name: '区发展改革局', note: '“引号”\n换行\t制表 \\ 反斜杠 😀' }, after: { name: '新名称' } },
  { entity: 'system', after: { id: '"id":1', text: '"id":' } },
  { entity: 'empty' },
];

describe.each(DATABASE_KINDS)('audit records appended by the database (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  /** A write as the server makes one: commit, then link before answering. */
  const write = async (requestId: string, action: string, e: Parameters<typeof recordAudit>[3]) => {
    await t.database.db.transaction((tx) => recordAudit(tx, { actor: null, ip: '127.0.0.1', requestId }, action, e));
    await t.database.linkAudit();
  };

  it('chains every record, one per transaction, and the Node verifier agrees with the hashes', async () => {
    const db = t.database.db;
    for (const [i, e] of awkward.entries()) await write(`req-${i}`, 'test.awkward', e);
    // Concurrent writers share linker runs: every one is linked when its call returns, consecutive ids, no gaps.
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await write(`c-${i}`, 'test.concurrent', { entity: 'x', after: { i } });
        expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.requestId, `c-${i}`))).toHaveLength(1);
      }),
    );
    const rows = await db.select({ id: auditLog.id }).from(auditLog).where(like(auditLog.action, 'test.%'));
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    expect(ids).toHaveLength(awkward.length + 20);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
    const [stored] = await db.select().from(auditLog).where(eq(auditLog.requestId, 'req-1'));
    expect(stored?.before).toEqual(awkward[1]!.before);
    expect(await db.select().from(auditPending)).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('keeps each record\'s transaction, outside the hash, so the chain verifies as before', async () => {
    const db = t.database.db;
    const txid = await db.transaction(async (tx) => {
      await recordAudit(tx, { actor: null, ip: null, requestId: 'tx-1' }, 'test.tx', { entity: 'x' });
      await recordAudit(tx, { actor: null, ip: null, requestId: 'tx-2' }, 'test.tx', { entity: 'x' });
      const res = (await tx.execute(sql`select txid_current()::text as id`)) as unknown as { rows: { id: string }[] };
      return Number(res.rows[0]!.id);
    });
    await t.database.linkAudit();
    const rows = await db.select({ tx: auditLog.tx }).from(auditLog).where(like(auditLog.requestId, 'tx-%'));
    expect(rows).toEqual([{ tx: txid }, { tx: txid }]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('a rolled-back write leaves no record and no gap', async () => {
    const db = t.database.db;
    const lastId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!.id;
    await write('a', 'test.kept', { entity: 'x' });
    const before = await lastId();
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, { actor: null, ip: null, requestId: 'b' }, 'test.rolled_back', { entity: 'x' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await write('c', 'test.kept', { entity: 'x' });
    expect(await lastId()).toBe(before + 1);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'test.rolled_back'))).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('a record committed by a process that died before linking waits staged, outside the chain, and the next link takes it', async () => {
    const db = t.database.db;
    await db.transaction((tx) => recordAudit(tx, { actor: null, ip: null, requestId: 'orphan' }, 'test.orphan', { entity: 'x' }));
    expect(await db.select().from(auditLog).where(eq(auditLog.requestId, 'orphan'))).toEqual([]);
    const staged = await db.select({ body: sql<string>`${auditPending.bodyHead} || '0' || ${auditPending.bodyTail}` }).from(auditPending);
    expect(staged.map((s) => (JSON.parse(s.body) as { action: string }).action)).toEqual(['test.orphan']);
    await write('next', 'test.kept', { entity: 'x' });
    const linked = await db.select({ id: auditLog.id, requestId: auditLog.requestId }).from(auditLog).where(like(auditLog.requestId, '%')).orderBy(desc(auditLog.id)).limit(2);
    expect(linked.map((r) => r.requestId)).toEqual(['next', 'orphan']);
    expect(await db.select().from(auditPending)).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });
});

describe.each(DATABASE_KINDS)('a staged record PostgreSQL cannot read (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t.drop());
  // What the attack left: `{"account":"\ud800"}` staged, which PostgreSQL's json refuses.
  const poisoned = { bodyHead: '{"action":"auth.login_failed","after":{"account":"\\ud800"},"id":', bodyTail: '}' };

  it('is refused inside the write that stages it: the write rolls back whole, never acknowledged', async () => {
    const db = t.database.db;
    const before = (await db.select().from(settings)).length;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'poisoned', value: { note: '不该留下' } });
        await tx.insert(auditPending).values(poisoned);
      }),
    ).rejects.toThrow();
    expect((await db.select().from(settings)).length).toBe(before);
    expect(await db.select().from(auditPending)).toEqual([]);
  });

  it('staged before the check (or by hand) is quarantined: later writes link, the chain says so and verifies', async () => {
    const db = t.database.db;
    await db.execute(sql`ALTER TABLE audit_pending DROP CONSTRAINT audit_body_valid`);
    const [bad] = await db.insert(auditPending).values(poisoned).returning({ seq: auditPending.seq });
    await db.execute(sql`ALTER TABLE audit_pending ADD CONSTRAINT audit_body_valid CHECK (audit_body_error(body_head || '0' || body_tail) IS NULL) NOT VALID`);
    // Before the fix this link failed for good, and with it every audited write.
    await db.transaction((tx) => recordAudit(tx, { actor: null, ip: null, requestId: 'after-poison' }, 'test.after_poison', { entity: 'x' }));
    await t.database.linkAudit();
    expect(await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.requestId, 'after-poison'))).toEqual([{ a: 'test.after_poison' }]);
    const kept = await quarantinedAuditRecords(db);
    expect(kept.map((k) => k.seq)).toEqual([bad!.seq]);
    expect(kept[0]!.reason).toMatch(/surrogate|escape|Unicode/i);
    const [note] = await db.select().from(auditLog).where(eq(auditLog.action, 'audit.quarantined'));
    expect(note?.after).toEqual({ count: 1, stagedSeqs: [bad!.seq] });
    expect(await db.select().from(auditPending)).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
    expect(quarantineNotice(kept)).toContain(`staged seq ${bad!.seq}`);
  });
});

describe('audit linkers of two server processes on one database', () => {
  it('take turns on the head: every record linked once, the chain intact', async () => {
    const t = await openTestDatabase('postgres');
    const other = await openDatabase({ databaseUrl: t.url!, migrate: false, poolSize: 4 });
    try {
      const both = [t.database, other];
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const d = both[i % 2]!;
          await d.db.transaction((tx) => recordAudit(tx, { actor: null, ip: null, requestId: `p-${i}` }, 'test.two_processes', { entity: 'x', after: { i } }));
          await d.linkAudit();
        }),
      );
      const rows = await t.database.db.select({ requestId: auditLog.requestId }).from(auditLog).where(eq(auditLog.action, 'test.two_processes'));
      expect(new Set(rows.map((r) => r.requestId)).size).toBe(60);
      expect(rows).toHaveLength(60);
      expect(await t.database.db.select().from(auditPending)).toEqual([]);
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ intact: true });
    } finally {
      await other.close();
      await t.drop();
    }
  });
});

describe('bodyAroundId', () => {
  it('places the top-level id, not a nested one', () => {
    const r = { at: new Date('2026-01-02T03:04:05.678Z'), actorId: null, actorAccount: null, ip: null, requestId: 'x', action: 'a', entity: 'e', entityId: null, before: { id: 5 }, after: null };
    const { head, tail } = bodyAroundId(r);
    expect(JSON.parse(`${head}42${tail}`)).toMatchObject({ id: 42, before: { id: 5 }, requestId: 'x' });
  });
});

describe('a record staged before the upgrade that stages only the canonical JSON (migration 0009)', () => {
  it('is linked after it with every field, and the chain verifies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-0009-'));
    try {
      // The migrations as they were before 0009, applied to an embedded database in a folder.
      const src = fileURLToPath(new URL('./db/migrations', import.meta.url));
      const old = path.join(dir, 'migrations');
      fs.mkdirSync(path.join(old, 'meta'), { recursive: true });
      const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.idx <= 8);
      fs.writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify(journal));
      for (const e of journal.entries) fs.copyFileSync(path.join(src, `${e.tag}.sql`), path.join(old, `${e.tag}.sql`));
      const client = new PGlite(path.join(dir, 'pgdata'));
      await migrate(drizzle({ client }), { migrationsFolder: old });
      // What a 0008 server staged, then died before linking: every field as a column and in the body.
      const fields = { at: new Date('2026-11-20T02:03:04.005Z'), actorId: null, actorAccount: 'liaison', ip: '10.0.0.1', requestId: 'staged-0008', action: 'report.submitted', entity: 'report', entityId: 'r-1', before: { status: 'draft' }, after: { status: 'submitted', text: '进展“引号”' } };
      const { head, tail } = bodyAroundId(fields);
      await client.query(
        `insert into audit_pending (at, actor_account, ip, request_id, action, entity, entity_id, before, after, body_head, body_tail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [fields.at.toISOString(), fields.actorAccount, fields.ip, fields.requestId, fields.action, fields.entity, fields.entityId, JSON.stringify(fields.before), JSON.stringify(fields.after), head, tail],
      );
      await client.close();

      const upgraded = await openDatabase({ dataDir: dir });
      try {
        await upgraded.linkAudit();
        const [row] = await upgraded.db.select().from(auditLog).where(eq(auditLog.requestId, 'staged-0008'));
        // Staged before records kept their transaction (migration 0024): it has none.
        expect(row).toMatchObject({ at: fields.at, actorId: null, actorAccount: 'liaison', ip: '10.0.0.1', action: 'report.submitted', entity: 'report', entityId: 'r-1', before: fields.before, after: fields.after, tx: null });
        expect(await upgraded.db.select().from(auditPending)).toEqual([]);
        expect(await verifyAuditChain(upgraded.db)).toMatchObject({ intact: true });
      } finally {
        await upgraded.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
