import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { prepareStatement, preparedPerDatabase } from './prepared.js';

// The report's single-statement step relies on Drizzle internals (its dialect turning placeholders
// into $n, its session preparing a named statement, the driver answering { rows }). An upgrade that
// changes any of them must fail here, by name, not as a slow or wrong report step in production.
describe.each(DATABASE_KINDS)('prepared statements on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.database.db.execute(sql`create table prepared_probe (id integer primary key, label text not null, version integer not null)`);
    await t.database.db.execute(sql`insert into prepared_probe values (1, 'a', 1), (2, 'b', 1)`);
  });
  afterAll(async () => t?.drop());

  const bump = () => sql`update prepared_probe set label = ${sql.placeholder('label')}::text, version = version + 1
    where id = ${sql.placeholder('id')}::integer and version = ${sql.placeholder('version')}::integer returning id, label`;

  it('still finds the Drizzle internals it builds on', () => {
    const session = (t.database.db as unknown as { _: { session: { prepareQuery?: unknown } } })._.session;
    expect(typeof session.prepareQuery, 'db._.session.prepareQuery is gone: rewrite server/db/prepared.ts').toBe('function');
  });

  it('runs a hand-built statement by its placeholders, and answers { rows }', async () => {
    const p = prepareStatement(t.database.db, 'probe:bump', bump);
    expect(await p.execute({ id: 1, version: 1, label: '甲' })).toMatchObject({ rows: [{ id: 1, label: '甲' }] });
    // The same statement again, now with a stale version: nothing written, no row back.
    expect((await p.execute({ id: 1, version: 1, label: '乙' })).rows).toEqual([]);
    expect((await p.execute({ id: 1, version: 2, label: '乙' })).rows).toEqual([{ id: 1, label: '乙' }]);
  });

  it('prepares once per shape and database, and inside a transaction rolls back with it', async () => {
    const db = t.database.db;
    expect(prepareStatement(db, 'probe:bump', bump)).toBe(prepareStatement(db, 'probe:bump', bump));
    await expect(
      db.transaction(async (tx) => {
        await prepareStatement(tx, 'probe:bump', bump).execute({ id: 2, version: 1, label: '丙' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await db.execute(sql`select label, version from prepared_probe where id = 2`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ label: 'b', version: 1 }]);
  });

  it('builds a per-database statement once', () => {
    let builds = 0;
    const get = preparedPerDatabase(() => ({ n: ++builds }));
    expect(get(t.database.db)).toBe(get(t.database.db));
    expect(builds).toBe(1);
  });
});
