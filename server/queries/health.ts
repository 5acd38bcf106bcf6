import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** Whether the database answers a trivial query (the health probe). */
export async function databaseAnswers(db: Executor): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
