import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** Records linked per linker statement; more staged than this and it runs again. */
const BATCH = 2000;

/** Called after a link with the kinds of entity its records were about ('user', 'report', …). */
export type LinkedListener = (entities: ReadonlySet<string>) => void;

async function linkBatch(db: Db): Promise<{ linked: number; entities: string[] }> {
  const res = (await db.execute(sql`select linked, entities from audit_link_pending(${BATCH})`)) as unknown as {
    rows: { linked: number | string; entities: string[] | null }[];
  };
  const row = res.rows[0];
  return { linked: Number(row?.linked ?? 0), entities: row?.entities ?? [] };
}

/**
 * Links the audit records staged in audit_pending into the hash chain (migrations 0008 and 0009).
 * A write calls it after its commit and answers only once it returns, so what a user was told is
 * done is in the chain. Calls that arrive while a link runs share the next one, which starts after
 * they asked and so sees their commits: under load one linker transaction serves many writes, and
 * the head's lock is never held by a writer's own transaction.
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
      try {
        const entities = new Set<string>();
        for (;;) {
          const batch = await linkBatch(db);
          for (const e of batch.entities) entities.add(e);
          if (batch.linked < BATCH) break;
        }
        if (entities.size) onLinked(entities);
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
