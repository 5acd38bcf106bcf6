import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './databases.js';
import { loginAs, makeUser } from './factories.js';
import { startHarness } from './harness.js';

/** Every user table's row count and every sequence's value: what a test file starting on the database would see. */
async function contents(t: TestDatabase): Promise<Record<string, string>> {
  const rows = (await t.database.db.execute(sql`
    select format('%I.%I', n.nspname, c.relname) as name,
      (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text as count
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname in ('public', 'drizzle') order by 1`)) as unknown as { rows?: { name: string; count: string }[] } | { name: string; count: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  const seqs = (await t.database.db.execute(sql`select sequencename as name, coalesce(last_value, 0)::text as count from pg_sequences where schemaname = 'public' order by 1`)) as unknown as
    | { rows?: { name: string; count: string }[] }
    | { name: string; count: string }[];
  const seqList = Array.isArray(seqs) ? seqs : (seqs.rows ?? []);
  return Object.fromEntries([...list, ...seqList.map((s) => ({ name: `seq ${s.name}`, count: s.count }))].map((r) => [r.name, r.count]));
}

const clientOf = (t: TestDatabase) => t.url ?? (t.database.db as unknown as { $client: unknown }).$client;

describe.each(DATABASE_KINDS)('a test database kept for the next file on %s', (kind) => {
  it('starts the next file exactly as the migrations left it: no row, no sequence step of the last file', async () => {
    const h = await startHarness(kind);
    const first = h.db;
    const fresh = await contents(first);
    // A sign-in: a user, a session, audit records linked into the chain.
    await loginAs(h.app, await makeUser(first.database, [{ role: 'liaison' }]));
    expect(await contents(first)).not.toEqual(fresh);
    const firstClient = clientOf(first);
    await h.close();

    const next = await openTestDatabase(kind);
    try {
      expect(clientOf(next), 'the same database, kept').toBe(firstClient);
      expect(await contents(next)).toEqual(fresh);
      expect(await next.database.db.select().from(users)).toEqual([]);
    } finally {
      await next.drop();
    }
  });

  it('does not keep a database whose schema a test changed: the next file gets one as the migrations left it', async () => {
    const first = await openTestDatabase(kind);
    await first.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const firstClient = clientOf(first);
    await first.drop();
    const next = await openTestDatabase(kind);
    try {
      expect(clientOf(next)).not.toBe(firstClient);
      const t = (await next.database.db.execute(sql`select tgenabled from pg_trigger where tgname = 'audit_log_no_update'`)) as unknown as { rows?: { tgenabled: string }[] } | { tgenabled: string }[];
      expect((Array.isArray(t) ? t : (t.rows ?? []))[0]?.tgenabled).toBe('O');
    } finally {
      await next.drop();
    }
  });
});
