import { and, eq } from 'drizzle-orm';
import type { InstructionSubjectType } from '../../../domain/dispatch.js';
import type { ItemType } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import { blockers, dispatchRecipients, dispatches, reports } from '../../db/schema/index.js';
import { itemOwners, loadItem } from '../reporting/items.js';

/** What a 批示 is written on: its name as people know it, and the units it concerns (who reply by default). */
export interface InstructionSubjectInfo {
  title: string;
  unitIds: string[];
}

/**
 * The subject of a 批示, or undefined when there is none by that id. A report is named by its item
 * and period and concerns the unit that filed it; a blocker concerns the raising unit and, once
 * assigned, the resolver unit; an item the units answerable for it; a meeting's decision the
 * units that own it.
 */
export async function instructionSubject(db: Executor, type: InstructionSubjectType, id: string): Promise<InstructionSubjectInfo | undefined> {
  if (type === 'report') {
    const [r] = await db.select().from(reports).where(eq(reports.id, id));
    if (!r) return undefined;
    const item = await loadItem(db, r.itemType as ItemType, r.itemId);
    return { title: `${item?.title ?? ''} ${r.period}`.trim(), unitIds: [r.unitId] };
  }
  if (type === 'blocker') {
    const [b] = await db.select().from(blockers).where(eq(blockers.id, id));
    if (!b) return undefined;
    return { title: b.title, unitIds: [...new Set([b.unitId, ...(b.resolverUnitId ? [b.resolverUnitId] : [])])] };
  }
  if (type === 'decision') {
    const [d] = await db
      .select()
      .from(dispatches)
      .where(and(eq(dispatches.id, id), eq(dispatches.kind, 'decision')));
    if (!d) return undefined;
    const units = await db.select({ id: dispatchRecipients.unitId }).from(dispatchRecipients).where(eq(dispatchRecipients.dispatchId, id));
    return { title: d.body.slice(0, 200), unitIds: units.map((u) => u.id) };
  }
  const item = await loadItem(db, type, id);
  if (!item) return undefined;
  return { title: item.title, unitIds: [...new Set(await itemOwners(db, type, id))].filter((u): u is string => !!u) };
}
