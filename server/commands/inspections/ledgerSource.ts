import { eq } from 'drizzle-orm';
import { itemSourceProblem, type LedgerSource } from '../../../domain/ledger.js';
import { ITEM_TYPES, type ItemType } from '../../../domain/work.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { blockerItems, fieldVisitFindings, tasks } from '../../db/schema/index.js';
import { findVisibleBlocker } from '../../queries/reporting/blockers.js';
import { itemOwners, loadItem, type ItemInfo } from '../../queries/reporting/items.js';
import { ruleBroken } from '../planning/checks.js';

type ItemRef = { itemType: ItemType; itemId: string };

/** What a source says about the entry: its unit and items when it knows them. */
export interface SourceFacts {
  unitId: string | null;
  items: ItemRef[];
}

const unknown = (kind: LedgerSource) => ruleBroken('ledger_source_unknown', 'source.id', { source: `@ledger_source_${kind}` });

/** The unit answerable for an item: a task's lead unit, a target's data unit, a project's responsible unit. */
export async function answerableUnit(tx: Tx, item: ItemRef): Promise<string | null> {
  if (item.itemType === 'task') {
    const [t] = await tx.select({ lead: tasks.leadUnitId }).from(tasks).where(eq(tasks.id, item.itemId));
    if (t?.lead) return t.lead;
  }
  return (await itemOwners(tx, item.itemType, item.itemId))[0] ?? null;
}

/**
 * Reads the source an entry is made from, refusing (422 naming `source.id`) one that does not exist
 * or that the actor may not see, and an item that is not red or not overdue when it is named so.
 */
export async function sourceFacts(tx: Tx, actor: Actor, source: { kind: Exclude<LedgerSource, 'entered'>; id: string }): Promise<SourceFacts> {
  if (source.kind === 'blocker') {
    const view = await findVisibleBlocker(tx, actor, source.id);
    if (!view) throw unknown('blocker');
    const links = await tx.select().from(blockerItems).where(eq(blockerItems.blockerId, source.id));
    const items = links.length ? links : [{ itemType: view.blocker.itemType, itemId: view.blocker.itemId }];
    return { unitId: view.blocker.unitId, items: items.map((i) => ({ itemType: i.itemType as ItemType, itemId: i.itemId })) };
  }
  if (source.kind === 'field_visit') {
    // Inspectors follow every finding (the "one step from a field-visit finding"); the
    // finding's words are not disclosed here, only that it exists.
    const [finding] = await tx.select({ id: fieldVisitFindings.id }).from(fieldVisitFindings).where(eq(fieldVisitFindings.id, source.id));
    if (!finding) throw unknown('field_visit');
    return { unitId: null, items: [] };
  }
  // A red or overdue item, named by its id alone: ids are unique across the three kinds. One kind
  // after the other: the reads share the transaction's connection.
  let found: ItemInfo | undefined;
  for (const itemType of ITEM_TYPES) found ??= await loadItem(tx, itemType, source.id);
  if (!found) throw unknown(source.kind);
  const problem = itemSourceProblem(source.kind, found);
  if (problem) throw ruleBroken(problem === 'not_red' ? 'ledger_source_not_red' : 'ledger_source_not_overdue', 'source.id');
  const item = { itemType: found.itemType, itemId: found.itemId };
  return { unitId: await answerableUnit(tx, item), items: [item] };
}
