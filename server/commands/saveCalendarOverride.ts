import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { calendarOverrides } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { forgetCalendar } from '../queries/calendar.js';

/** Sets a local workday/rest-day decision for one date (create, or update at the given version). */
export async function saveCalendarOverride(ctx: Ctx, date: string, input: { workday: boolean; note: string; version?: number | undefined }) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date)).for('update');
    if (before && input.version !== before.version) throw new AppError(409, 'version_conflict');
    const [after] = before
      ? await tx
          .update(calendarOverrides)
          .set({ workday: input.workday, note: input.note, version: before.version + 1 })
          .where(eq(calendarOverrides.date, date))
          .returning()
      : await tx.insert(calendarOverrides).values({ date, workday: input.workday, note: input.note }).returning();
    await recordAudit(tx, ctx, 'calendar_override.saved', { entity: 'calendar_override', entityId: date, before: before ?? null, after });
    return after!;
  }).finally(() => forgetCalendar(ctx.database.db));
}

export async function deleteCalendarOverride(ctx: Ctx, date: string) {
  return inTx(ctx, async (tx) => {
    const [gone] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (!gone) throw notFound('record');
    await recordAudit(tx, ctx, 'calendar_override.deleted', { entity: 'calendar_override', entityId: date, before: gone });
  }).finally(() => forgetCalendar(ctx.database.db));
}
