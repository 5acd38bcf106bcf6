import { sql } from 'drizzle-orm';
import { auditHash, hashedFieldsOf } from '../audit.js';
import type { Database } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';

/**
 * What a database superuser can do (the attack of the security issue): change a record's content
 * and recompute its hash, every hash after it and the head, so that the chain links again.
 */
export async function rewriteAsSuperuser(database: Database, id: number): Promise<void> {
  await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await database.db.execute(sql`UPDATE audit_log SET after = '{"i": 999, "text": "改过"}'::jsonb WHERE id = ${id}`);
  const rows = await database.db.select().from(auditLog).orderBy(auditLog.id);
  let prev = rows.find((r) => r.id === id)!.prevHash;
  for (const r of rows.filter((x) => x.id >= id)) {
    const hash = auditHash(prev, hashedFieldsOf(r));
    await database.db.execute(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`);
    prev = hash;
  }
  await database.db.execute(sql`UPDATE audit_head SET last_hash = ${prev} WHERE id = 1`);
  await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
}
