import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { Ctx } from '../../context.js';
import { orgUnits } from '../../db/schema/index.js';
import { ruleBroken } from '../planning/checks.js';
import { takeBlockerStep } from './blockerStep.js';

/** 交办: the holder gives the blocker to a unit to solve by a day, saying what is to be done. */
export function assignBlocker(ctx: Ctx, id: string, input: { resolverUnitId: string; dueDate: string; note: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'assign', {
    version: input.version,
    async set(_b, now, tx) {
      const [unit] = await tx
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.id, input.resolverUnitId), eq(orgUnits.disabled, false)));
      if (!unit) throw ruleBroken('blocker_resolver_unknown', 'resolverUnitId');
      const today = shanghaiDate(now);
      if (input.dueDate < today) throw ruleBroken('blocker_due_past', 'dueDate', { today });
      return { resolverUnitId: unit.id, dueDate: input.dueDate, assignNote: input.note || null, decidedById: ctx.actor?.userId ?? null };
    },
  });
}
