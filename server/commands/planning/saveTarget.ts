import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TargetCreate, TargetUpdate } from '../../../domain/schemas/target.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { targetActuals, targetGoals, targets, targetTrajectory } from '../../db/schema/index.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { lightEnv, refreshTargetLight } from '../../lights/refresh.js';
import { ensureAreaIn, ensureCodeFree, ensureUnits, planAndProgram, ruleBroken } from './checks.js';
import { insertTargets } from './insertItems.js';

type Goal = { year: number; goal: string };

/** Each year goal inside the program's years. */
function checkGoalYears(goals: readonly Goal[], program: { startYear: number; endYear: number }) {
  const i = goals.findIndex((g) => g.year < program.startYear || g.year > program.endYear);
  if (i >= 0) throw ruleBroken('year_out_of_range', `goals.${i}.year`, { from: program.startYear, to: program.endYear });
}

async function setGoals(tx: Tx, targetId: string, goals: readonly Goal[]) {
  await tx.delete(targetGoals).where(eq(targetGoals.targetId, targetId));
  await tx.insert(targetGoals).values(goals.map((g) => ({ targetId, year: g.year, goal: g.goal })));
}

const goalsOf = (tx: Tx, targetId: string) => tx.select({ year: targetGoals.year, goal: targetGoals.goal }).from(targetGoals).where(eq(targetGoals.targetId, targetId));

/** POST /api/targets: one target, held to the same rules as a batch (`insertTargets`), audited as `target.created`. */
export async function createTarget(ctx: Ctx, input: z.infer<typeof TargetCreate>) {
  return inTx(ctx, async (tx) => {
    const [row] = await insertTargets(tx, [input], await lightEnv(tx));
    await recordAudit(tx, ctx, 'target.created', { entity: 'target', entityId: row!.id, after: { ...row, goals: input.goals } });
    return row!;
  });
}

/**
 * Changing the reporting period would orphan the actuals and entered points of the old one,
 * so it is refused once there are any.
 */
export async function updateTarget(ctx: Ctx, id: string, input: z.infer<typeof TargetUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, targets, 'target', id);
    const { program } = await planAndProgram(tx, before.planId);
    const { version, goals, ...patch } = input;
    await ensureAreaIn(tx, patch.areaId, program.id);
    await ensureUnits(tx, [patch.dataUnitId], 'dataUnitId', false);
    if (goals) checkGoalYears(goals, program);
    await ensureCodeFree(tx, targets, patch.code, eq(targets.planId, before.planId), id);
    if (patch.period && patch.period !== before.period) {
      const [a] = await tx.select({ p: targetActuals.period }).from(targetActuals).where(eq(targetActuals.targetId, id)).limit(1);
      const [t] = await tx.select({ p: targetTrajectory.period }).from(targetTrajectory).where(eq(targetTrajectory.targetId, id)).limit(1);
      if (a || t) throw ruleBroken('target_period_locked', 'period');
    }
    const beforeGoals = await goalsOf(tx, id);
    const after = await updateVersioned(tx, targets, 'target', id, version, patch);
    if (goals) await setGoals(tx, id, goals);
    await refreshTargetLight(tx, id, await lightEnv(tx));
    await recordAudit(tx, ctx, 'target.updated', { entity: 'target', entityId: id, before: { ...before, goals: beforeGoals }, after: { ...after, goals: goals ?? beforeGoals } });
    return after;
  });
}

