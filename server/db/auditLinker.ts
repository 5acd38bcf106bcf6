import { sql } from 'drizzle-orm';
import { auditValues } from '../audit.js';
import type { Db } from './client.js';
import { auditPending } from './schema/index.js';

/** Records linked per linker statement; more staged than this and it runs again. */
const BATCH = 2000;

/**
 * Called after a link with the kinds of entity its records were about ('user', 'report', …) and the
 * scopes they declared (org unit ids; `*` for a record that declared none: it may change anything).
 */
export type LinkedListener = (entities: ReadonlySet<string>, scopes: ReadonlySet<string>) => void;

async function linkBatch(db: Db): Promise<{ linked: number; entities: string[]; scopes: string[] }> {
  const res = (await db.execute(sql`select linked, entities, scopes from audit_link_pending(${BATCH})`)) as unknown as {
    rows: { linked: number | string; entities: string[] | null; scopes: string[] | null }[];
  };
  const row = res.rows[0];
  return { linked: Number(row?.linked ?? 0), entities: row?.entities ?? [], scopes: row?.scopes ?? [] };
}

async function linkAll(db: Db, entities: Set<string>, scopes: Set<string>): Promise<void> {
  for (;;) {
    const batch = await linkBatch(db);
    for (const e of batch.entities) entities.add(e);
    for (const s of batch.scopes) scopes.add(s);
    if (batch.linked < BATCH) break;
  }
}

/**
 * Sets aside the staged records PostgreSQL cannot parse (migration 0012) and stages, in their
 * place, one record saying so: the chain shows that records were quarantined, and which.
 */
async function quarantine(db: Db): Promise<number[]> {
  const res = (await db.execute(sql`select moved, seqs from audit_quarantine_pending()`)) as unknown as { rows: { moved: number; seqs: (number | string)[] }[] };
  const seqs = (res.rows[0]?.seqs ?? []).map(Number);
  if (seqs.length) {
    await db.insert(auditPending).values(
      auditValues({ actor: null, ip: null, requestId: 'audit-linker' }, 'audit.quarantined', { entity: 'audit', after: { count: seqs.length, stagedSeqs: seqs } }),
    );
    process.emitWarning(
      `${seqs.length} staged audit record(s) could not be linked into the chain and were quarantined (audit_quarantine, staged seq ${seqs.join(', ')}); the chain records it as audit.quarantined. Run npm run audit:verify.`,
      { code: 'TUIJIN_AUDIT_QUARANTINE' },
    );
  }
  return seqs;
}

/**
 * Links the audit records staged in audit_pending into the hash chain (migrations 0008 and 0009).
 * A write calls it after its commit and answers only once it returns, so what a user was told is
 * done is in the chain. Calls that arrive while a link runs share the next one, which starts after
 * they asked and so sees their commits: under load one linker transaction serves many writes, and
 * the head's lock is never held by a writer's own transaction.
 * A staged record PostgreSQL cannot parse is quarantined (audit_quarantine) and the chain gets
 * an `audit.quarantined` record in its place, so linking never stops for good.
 * Before the writers are answered, `onLinked` hears which kinds of entity changed: a cache of them
 * in this process is then forgotten before anyone who made the change can ask again.
 */
export function auditLinker(db: Db, onLinked: LinkedListener): () => Promise<void> {
  let running = false;
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const pump = async () => {
    running = true;
    while (waiting.length) {
      const served = waiting;
      waiting = [];
      const entities = new Set<string>();
      const scopes = new Set<string>();
      try {
        try {
          await linkAll(db, entities, scopes);
        } catch (e) {
          // One record that cannot be parsed must not stop every later write (or the start): set
          // it aside and link the rest. Anything else is the writers' error.
          if (!(await quarantine(db)).length) throw e;
          await linkAll(db, entities, scopes);
        }
        if (entities.size) onLinked(entities, scopes);
        for (const w of served) w.resolve();
      } catch (e) {
        for (const w of served) w.reject(e);
      }
    }
    running = false;
  };
  return () =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (!running) void pump();
    });
}
