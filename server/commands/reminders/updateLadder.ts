import type { LadderSettings } from '../../../domain/reminders/ladder.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { actsForTop } from '../../queries/regionScope.js';
import { readLadder, writeLadder } from '../../queries/reminders/ladder.js';

/** The HQ office saves the ladder; 409 when someone saved since it was read. Tomorrow's run reads it. */
export async function updateLadder(ctx: Ctx, ladder: LadderSettings, version: number) {
  return inTx(ctx, async (tx) => {
    // Shared by every district: a district's or a city's office would change it for the others.
    if (!ctx.actor || !(await actsForTop(tx, ctx.actor))) throw new AppError(403, 'settings_top_only');
    const before = await readLadder(tx);
    if (before.version !== version || !(await writeLadder(tx, ladder, version))) throw new AppError(409, 'version_conflict');
    await recordAudit(tx, ctx, 'reminder_ladder.updated', { entity: 'reminder_ladder', entityId: 'reminder_ladder', before: before.ladder, after: ladder });
    return { ladder, version: version + 1 };
  });
}
