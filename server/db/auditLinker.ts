import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** Records linked per linker statement; more staged than this and it runs again. */
const BATCH = 2000;

async function linkBatch(db: Db): Promise<number> {
  const res = (await db.execute(sql`select audit_link_pending(${BATCH}) as n`)) as unknown as { rows: { n: number | string }[] };
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * Links the audit records staged in audit_pending into the hash chain (migrations 0008 and 0009). A write
 * calls it after its commit and answers only once it returns, so what a user was told is done is
 * in the chain. Calls that arrive while a link runs share the next one, which starts after they
 * asked and so sees their commits: under load one linker transaction serves many writes, and
 * the head's lock is never held by a writer's own transaction.
 */
export function auditLinker(db: Db): () => Promise<void> {
  let running = false;
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const pump = async () => {
    running = true;
    while (waiting.length) {
      const served = waiting;
      waiting = [];
      try {
        while ((await linkBatch(db)) === BATCH) {
          /* more were staged than one batch takes */
        }
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
