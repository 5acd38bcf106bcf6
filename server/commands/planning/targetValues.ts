import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActualCreate, TrajectoryPut } from '../../../domain/schemas/target.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { targetActuals, targetGoals, targets, targetTrajectory } from '../../db/schema/index.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { lightEnv, refreshTargetLight } from '../../lights/refresh.js';
import { ruleBroken } from './checks.js';
import { now as clockNow } from '../../clock.js';

/** A period key of the target's own kind (2026-05 monthly, 2026-Q2 quarterly) in one of its goal years. */
async function ensurePeriodFits(tx: Tx, target: typeof targets.$inferSelect, period: string, field: string) {
  const kindFits = target.period === 'quarterly' ? /^\d{4}-Q[1-4]$/.test(period) : /^\d{4}-\d{2}$/.test(period);
  const years = new Set((await tx.select({ year: targetGoals.year }).from(targetGoals).where(eq(targetGoals.targetId, target.id))).map((g) => g.year));
  if (!kindFits || !years.has(Number(period.slice(0, 4)))) throw ruleBroken('target_period_invalid', field, { period });
}

/** Replaces the entered trajectory points; with none, the trajectory is linear again. */
export async function setTrajectory(ctx: Ctx, id: string, input: z.infer<typeof TrajectoryPut>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, targets, 'target', id);
    for (const [i, p] of input.points.entries()) await ensurePeriodFits(tx, before, p.period, `points.${i}.period`);
    const beforePoints = await tx.select().from(targetTrajectory).where(eq(targetTrajectory.targetId, id));
    const after = await updateVersioned(tx, targets, 'target', id, input.version, { trajectoryKind: input.points.length ? 'entered' : 'linear' });
    await tx.delete(targetTrajectory).where(eq(targetTrajectory.targetId, id));
    if (input.points.length) await tx.insert(targetTrajectory).values(input.points.map((p) => ({ targetId: id, period: p.period, expected: p.expected })));
    await refreshTargetLight(tx, id, await lightEnv(tx));
    await recordAudit(tx, ctx, 'target.trajectory_set', { entity: 'target', entityId: id, before: { ...before, points: beforePoints }, after: { ...after, points: input.points } });
    return after;
  });
}

/** The HQ office records a period's actual directly (a correction, or data from a statistics bureau). */
export async function recordActual(ctx: Ctx, id: string, input: z.infer<typeof ActualCreate>) {
  return inTx(ctx, async (tx) => {
    const target = await lockRow(tx, targets, 'target', id);
    await ensurePeriodFits(tx, target, input.period, 'period');
    const [before] = await tx.select().from(targetActuals).where(and(eq(targetActuals.targetId, id), eq(targetActuals.period, input.period)));
    const values = { targetId: id, period: input.period, value: input.value, reportId: null, acceptedAt: clockNow() };
    const [after] = await tx
      .insert(targetActuals)
      .values(values)
      .onConflictDoUpdate({ target: [targetActuals.targetId, targetActuals.period], set: { value: values.value, reportId: null, acceptedAt: values.acceptedAt } })
      .returning();
    await refreshTargetLight(tx, id, await lightEnv(tx));
    await recordAudit(tx, ctx, 'target.actual_recorded', { entity: 'target', entityId: id, before: before ?? null, after });
    return after!;
  });
}
