import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AreaCreate, ProgramCreate, ProgramUpdate } from '../../../domain/schemas/program.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { areas, programs, regions } from '../../db/schema/index.js';
import { ensureExists } from '../../db/references.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { homeRegionId } from '../../queries/regionScope.js';
import { badReference, ensureCodeFree, ruleBroken } from './checks.js';

/** The years stay in order and every year goal inside them (checked on the merged row of an update). */
function checkYears(p: { startYear: number; endYear: number; yearGoals: { year: number }[] }) {
  const params = { from: p.startYear, to: p.endYear };
  if (p.endYear < p.startYear || p.endYear - p.startYear > 9) throw ruleBroken('year_out_of_range', 'endYear', params);
  const i = p.yearGoals.findIndex((g) => g.year < p.startYear || g.year > p.endYear);
  if (i >= 0) throw ruleBroken('year_out_of_range', `yearGoals.${i}.year`, params);
}

export async function createProgram(ctx: Ctx, input: z.infer<typeof ProgramCreate>) {
  return inTx(ctx, async (tx) => {
    const regionId = input.regionId ?? (await homeRegionId(tx, ctx.actor));
    // A region outside the actor's scope is answered as one that does not exist (the region seal).
    if (!regionId || (ctx.actor && !ctx.actor.regionIds.includes(regionId))) throw badReference('regionId');
    await ensureExists(tx, regions, regionId, 'regionId');
    await ensureCodeFree(tx, programs, input.code, undefined);
    const [row] = await tx
      .insert(programs)
      .values({ regionId, code: input.code, name: input.name, startYear: input.startYear, endYear: input.endYear, yearGoals: input.yearGoals })
      .returning();
    await recordAudit(tx, ctx, 'program.created', { entity: 'program', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateProgram(ctx: Ctx, id: string, input: z.infer<typeof ProgramUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, programs, 'program', id);
    const { version, ...patch } = input;
    checkYears({
      startYear: patch.startYear ?? before.startYear,
      endYear: patch.endYear ?? before.endYear,
      yearGoals: patch.yearGoals ?? (before.yearGoals as { year: number }[]),
    });
    await ensureCodeFree(tx, programs, patch.code, undefined, id);
    const after = await updateVersioned(tx, programs, 'program', id, version, patch);
    await recordAudit(tx, ctx, 'program.updated', { entity: 'program', entityId: id, before, after });
    return after;
  });
}

/** 重点领域 of a program; the code is unique within the program. */
export async function createArea(ctx: Ctx, programId: string, input: z.infer<typeof AreaCreate>) {
  return inTx(ctx, async (tx) => {
    await lockRow(tx, programs, 'program', programId);
    await ensureCodeFree(tx, areas, input.code, eq(areas.programId, programId));
    const [row] = await tx
      .insert(areas)
      .values({ programId, code: input.code, name: input.name, sort: input.sort ?? 0 })
      .returning();
    await recordAudit(tx, ctx, 'area.created', { entity: 'area', entityId: row!.id, after: row });
    return row!;
  });
}
