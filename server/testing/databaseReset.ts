// Puts a test database back to what the migrations left, so that the next test file can use it
// instead of a new copy: every table emptied, the rows the migrations wrote put back, every
// sequence where it was. A database whose schema a test changed (a trigger left disabled, a
// temporary table) is not put back: its fingerprint differs and the pool closes it.
import { randomBytes } from 'node:crypto';

/** One round trip: a statement, or several without parameters (PGlite's exec, pg's simple query). */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

export interface DatabaseSnapshot {
  /** The statements that empty the tables and put the rows and sequences back, as one script. */
  script: string;
  /** The schema as the migrations left it (tables, columns, triggers and whether they fire, functions, constraints). */
  fingerprint: string;
}

const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

const FINGERPRINT = `
select md5(coalesce(string_agg(x, ',' order by x), '')) as fingerprint from (
  select c.oid::regclass::text || ':' || c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
  union all
  select t.tgrelid::regclass::text || '.' || t.tgname || ':' || t.tgenabled::text from pg_trigger t where not t.tgisinternal
  union all
  select a.attrelid::regclass::text || '.' || a.attname || ':' || a.atttypid::text || ':' || a.attnotnull::text || ':' || a.atthasdef::text
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where ${USER_SCHEMAS} and a.attnum > 0 and not a.attisdropped
  union all
  select p.oid::regprocedure::text || ':' || md5(p.prosrc) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMAS}
  union all
  select c.conrelid::regclass::text || '.' || c.conname || ':' || c.convalidated::text from pg_constraint c join pg_namespace n on n.oid = c.connamespace where ${USER_SCHEMAS}
) f(x)`;

export async function fingerprintOf(run: RunSql): Promise<string> {
  return String((await run(FINGERPRINT))[0]!.fingerprint);
}

/** Reads the database as it is now (fresh from the migrations) into the script that brings it back. */
export async function takeSnapshot(run: RunSql): Promise<DatabaseSnapshot> {
  const tables = (await run(`
    select format('%I.%I', n.nspname, c.relname) as name,
      (select string_agg(format('%I', a.attname), ', ' order by a.attnum) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as cols
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and ${USER_SCHEMAS} order by 1`)) as { name: string; cols: string }[];
  const fills: string[] = [];
  for (const t of tables) {
    const rows = String((await run(`select coalesce(json_agg(r), '[]')::text as j from (select ${t.cols} from ${t.name}) r`))[0]!.j);
    if (rows === '[]') continue;
    let tag = 'rows';
    while (rows.includes(`$${tag}$`)) tag = `rows_${randomBytes(4).toString('hex')}`;
    fills.push(`insert into ${t.name} (${t.cols}) overriding system value select ${t.cols} from json_populate_recordset(null::${t.name}, $${tag}$${rows}$${tag}$::json);`);
  }
  const sequences = (await run(`
    select format('%I.%I', schemaname, sequencename) as name, last_value::text as last, start_value::text as start
    from pg_sequences where schemaname not in ('pg_catalog', 'information_schema') order by 1`)) as { name: string; last: string | null; start: string }[];
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const script = [
    // Rows go back without their triggers and foreign-key checks (they were valid when read), in any order.
    `set session_replication_role = replica;`,
    // TRUNCATE, not DELETE: new, empty files, so that rows read back without an ORDER BY come in the
    // order they were written, as on a fresh copy (DELETE left space that later rows filled first).
    tables.length ? `truncate ${tables.map((t) => t.name).join(', ')} restart identity;` : '',
    ...fills,
    ...sequences.map((s) => `select setval(${quote(s.name)}, ${s.last ?? s.start}, ${s.last === null ? 'false' : 'true'});`),
    `set session_replication_role = default;`,
  ].join('\n');
  return { script, fingerprint: await fingerprintOf(run) };
}

/**
 * Brings the database back to the snapshot; false (and nothing to rely on) when its schema is no
 * longer the snapshot's, or the script failed.
 */
export async function resetTo(run: RunSql, snapshot: DatabaseSnapshot): Promise<boolean> {
  if ((await fingerprintOf(run)) !== snapshot.fingerprint) return false;
  await run(snapshot.script);
  return true;
}
