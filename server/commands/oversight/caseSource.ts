import { eq } from 'drizzle-orm';
import type { OpenedSource } from '../../../domain/oversight.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { ledgerEntries } from '../../db/schema/index.js';
import { ruleBroken } from '../planning/checks.js';
import { sourceFacts } from '../inspections/ledgerSource.js';

/**
 * The unit a case's source names, refusing (422 naming `source.id`) a source that does not exist,
 * or an item that is not red or not overdue when it is named so: the ledger's own rules for items
 * and blockers, and a ledger entry's inspected unit.
 */
export async function caseSourceUnit(tx: Tx, actor: Actor, source: { kind: OpenedSource; id: string }): Promise<string | null> {
  if (source.kind === 'ledger') {
    const [entry] = await tx.select({ unitId: ledgerEntries.unitId }).from(ledgerEntries).where(eq(ledgerEntries.id, source.id));
    if (!entry) throw ruleBroken('ledger_source_unknown', 'source.id', { source: '@oversight_source_ledger' });
    return entry.unitId;
  }
  return (await sourceFacts(tx, actor, { kind: source.kind, id: source.id })).unitId;
}
