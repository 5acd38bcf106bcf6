import { eq, inArray, ne, and } from 'drizzle-orm';
import { DEFAULT_ESCALATION_WORKDAYS, escalatesToday } from '../../domain/blockerEscalation.js';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { UNRESOLVED_BLOCKER_STATUSES, type BlockerLevel, type BlockerStatus } from '../../domain/schemas/blocker.js';
import { escalatedColumns } from '../commands/reporting/escalateBlocker.js';
import { recordAudit } from '../audit.js';
import type { Tx } from '../db/client.js';
import { blockers, settings } from '../db/schema/index.js';
import type { LightEnv } from '../lights/refresh.js';

/** Workdays an open blocker waits at a level before it goes up by itself: the HQ office's setting, else the default. */
export async function escalationWorkdays(tx: Tx): Promise<number> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, 'blocker_escalation'));
  const n = (row?.value as { workdays?: unknown } | undefined)?.workdays;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : DEFAULT_ESCALATION_WORKDAYS;
}

/**
 * The midnight job's part for blockers: each one that waited too long at its level (domain rule
 * `escalatesToday`) goes one level up, with one audit record each, by nobody (the system). Lights
 * are recomputed after this by the same job, so their reasons name the new level.
 */
export async function escalateWaitingBlockers(tx: Tx, env: LightEnv, now: Date): Promise<number> {
  const workdays = await escalationWorkdays(tx);
  const rows = await tx
    .select()
    .from(blockers)
    .where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), ne(blockers.level, 'leading_group')))
    .for('update');
  let n = 0;
  for (const b of rows) {
    const facts = { status: b.status as BlockerStatus, level: b.level as BlockerLevel, levelSince: shanghaiDate(b.levelSince), dueDate: b.dueDate };
    if (!escalatesToday(facts, env.today, env.calendar, workdays)) continue;
    const [after] = await tx
      .update(blockers)
      .set({ ...escalatedColumns(b, now), status: 'open', version: b.version + 1 })
      .where(eq(blockers.id, b.id))
      .returning();
    await recordAudit(tx, { actor: null, ip: null, requestId: 'midnight' }, 'blocker.escalated', {
      entity: 'blocker',
      entityId: b.id,
      before: b,
      after: { ...after, automatic: true, workdays },
    });
    n++;
  }
  return n;
}
