import { and, eq, like, sql } from 'drizzle-orm';
import { docNumber, nextDocSequence } from '../../../domain/bulletin.js';
import type { Tx } from '../../db/client.js';
import { bulletins, notices } from '../../db/schema/index.js';

/** pg_advisory_xact_lock's key for numbering documents ("docn"). */
const NUMBER_LOCK = 0x646f_636e;

/**
 * The next 文号 of a year's series (督通〔2026〕4号): one past the highest given. Two documents
 * made at once would otherwise read the same highest and take the same number (the unique index
 * would then refuse one): the lock makes them take turns until the first commits. The series is
 * the region's (`regionId`: each district's 督查室 numbers its bulletins, migration 0050, and its
 * notices, 0051, on its own; the unique indexes are per region).
 */
export async function nextDocNumber(tx: Tx, of: 'bulletin' | 'notice', prefix: string, year: number, regionId: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK})`);
  const column = of === 'bulletin' ? bulletins.docNumber : notices.docNumber;
  const given = await tx
    .select({ n: column })
    .from(of === 'bulletin' ? bulletins : notices)
    .where(and(like(column, `${prefix}〔${year}〕%`), eq(of === 'bulletin' ? bulletins.regionId : notices.regionId, regionId)));
  return docNumber(prefix, year, nextDocSequence(given.map((r) => r.n), prefix, year));
}
