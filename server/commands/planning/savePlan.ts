import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanCreate, PlanUpdate } from '../../../domain/schemas/plan.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { orgUnits, planAreas, plans, programs } from '../../db/schema/index.js';
import { ensureExists } from '../../db/references.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { AppError } from '../../errors.js';
import { referable } from '../../queries/writeScope.js';
import { badReference, ensureAreasIn, ensureCodeFree, ensureTaskForce } from './checks.js';

async function setAreas(tx: Tx, planId: string, areaIds: readonly string[]) {
  await tx.delete(planAreas).where(eq(planAreas.planId, planId));
  const unique = [...new Set(areaIds)];
  if (unique.length) await tx.insert(planAreas).values(unique.map((areaId) => ({ planId, areaId })));
  return unique;
}

export async function createPlan(ctx: Ctx, input: z.infer<typeof PlanCreate>) {
  return inTx(ctx, async (tx) => {
    const [program] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.id, input.programId), referable(tx, programs)));
    if (!program) throw badReference('programId');
    await ensureTaskForce(tx, input.taskForceId);
    await ensureExists(tx, orgUnits, input.leadUnitId, 'leadUnitId');
    await ensureAreasIn(tx, input.areaIds, input.programId, 'areaIds');
    await ensureCodeFree(tx, plans, input.code, eq(plans.programId, input.programId));
    const [row] = await tx
      .insert(plans)
      .values({
        programId: input.programId,
        kind: input.kind,
        code: input.code,
        title: input.title,
        summary: input.summary,
        taskForceId: input.taskForceId ?? null,
        leadUnitId: input.leadUnitId ?? null,
      })
      .returning();
    const areaIds = await setAreas(tx, row!.id, input.areaIds);
    await recordAudit(tx, ctx, 'plan.created', { entity: 'plan', entityId: row!.id, after: { ...row, areaIds } });
    return row!;
  });
}

/** A plan changes only as a draft: once under review, what the meeting reviews must not move. */
export async function updatePlan(ctx: Ctx, id: string, input: z.infer<typeof PlanUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, plans, 'plan', id);
    if (before.status !== 'draft') throw new AppError(409, 'plan_not_draft', { status: `@plan_status_${before.status}` });
    const { version, areaIds, ...patch } = input;
    await ensureTaskForce(tx, patch.taskForceId);
    await ensureExists(tx, orgUnits, patch.leadUnitId, 'leadUnitId');
    if (areaIds) await ensureAreasIn(tx, areaIds, before.programId, 'areaIds');
    await ensureCodeFree(tx, plans, patch.code, eq(plans.programId, before.programId), id);
    const beforeAreas = (await tx.select({ id: planAreas.areaId }).from(planAreas).where(eq(planAreas.planId, id))).map((r) => r.id);
    const after = await updateVersioned(tx, plans, 'plan', id, version, patch);
    const afterAreas = areaIds ? await setAreas(tx, id, areaIds) : beforeAreas;
    await recordAudit(tx, ctx, 'plan.updated', { entity: 'plan', entityId: id, before: { ...before, areaIds: beforeAreas }, after: { ...after, areaIds: afterAreas } });
    return after;
  });
}
