import Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProjectCreate, ProjectPlanPut, ProjectUpdate } from '../../../domain/schemas/project.js';
import { PROJECT_STAGES, type ProjectStage } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { areas, projects, projectYearPlans } from '../../db/schema/index.js';
import { ensureExists } from '../../db/references.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { lightEnv, refreshProjectLight } from '../../lights/refresh.js';
import { ensureAreaIn, ensureCodeFree, ensureUnits, planAndProgram, ruleBroken } from './checks.js';
import { insertProjects, stamped } from './insertItems.js';

type StageDates = Partial<Record<ProjectStage, { planned?: string | null | undefined; actual?: string | null | undefined }>>;

/** With a plan, the area must be one of its program's; without one, it must merely exist. */
async function ensurePlanAndArea(tx: Tx, planId: string | null | undefined, areaId: string | null | undefined) {
  if (planId) {
    const { program } = await planAndProgram(tx, planId);
    await ensureAreaIn(tx, areaId, program.id);
  } else await ensureExists(tx, areas, areaId, 'areaId');
}

const plannedSum = async (tx: Tx, projectId: string) =>
  (await tx.select({ planned: projectYearPlans.planned }).from(projectYearPlans).where(eq(projectYearPlans.projectId, projectId))).reduce(
    (s, r) => s.plus(r.planned),
    new Decimal(0),
  );

/** POST /api/projects: one project, held to the same rules as a batch (`insertProjects`), audited as `project.created`. */
export async function createProject(ctx: Ctx, input: z.infer<typeof ProjectCreate>) {
  return inTx(ctx, async (tx) => {
    const [row] = await insertProjects(tx, [{ input }], await lightEnv(tx));
    await recordAudit(tx, ctx, 'project.created', { entity: 'project', entityId: row!.id, after: row });
    return row!;
  });
}

/** A stage only moves forward (谋划 → 签约 → 开工 → 在建 → 投产); the total may not fall below the yearly plans. */
export async function updateProject(ctx: Ctx, id: string, input: z.infer<typeof ProjectUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, projects, 'project', id);
    const { version, ...patch } = input;
    const planId = patch.planId !== undefined ? patch.planId : before.planId;
    const areaId = patch.areaId !== undefined ? patch.areaId : before.areaId;
    if (patch.planId !== undefined || patch.areaId !== undefined) await ensurePlanAndArea(tx, planId, areaId);
    await ensureUnits(tx, [patch.responsibleUnitId], 'responsibleUnitId', false);
    await ensureCodeFree(tx, projects, patch.code, undefined, id);
    const from = before.stage as ProjectStage;
    const to = patch.stage ?? from;
    if (PROJECT_STAGES.indexOf(to) < PROJECT_STAGES.indexOf(from)) throw ruleBroken('stage_backwards', 'stage', { from: `@stage_${from}`, to: `@stage_${to}` });
    if (patch.totalInvestment) {
      const sum = await plannedSum(tx, id);
      if (sum.gt(patch.totalInvestment)) throw ruleBroken('plan_exceeds_total', 'totalInvestment', { sum: sum.toFixed(2), total: patch.totalInvestment });
    }
    const env = await lightEnv(tx);
    const dates = (patch.stageDates ?? before.stageDates) as StageDates;
    const stageDates = to !== from ? stamped(dates, to, env.today) : dates;
    const after = await updateVersioned(tx, projects, 'project', id, version, { ...patch, stageDates });
    await refreshProjectLight(tx, id, env);
    const [fresh] = await tx.select().from(projects).where(eq(projects.id, id));
    await recordAudit(tx, ctx, 'project.updated', { entity: 'project', entityId: id, before, after: fresh ?? after });
    return fresh ?? after;
  });
}

/** Replaces the yearly planned investment (万元); the years add up to no more than the total. */
export async function setProjectPlan(ctx: Ctx, id: string, input: z.infer<typeof ProjectPlanPut>) {
  return inTx(ctx, async (tx) => {
    const project = await lockRow(tx, projects, 'project', id);
    const sum = input.years.reduce((s, y) => s.plus(y.planned), new Decimal(0));
    if (sum.gt(project.totalInvestment)) throw ruleBroken('plan_exceeds_total', 'years', { sum: sum.toFixed(2), total: project.totalInvestment });
    const before = await tx.select().from(projectYearPlans).where(eq(projectYearPlans.projectId, id));
    const after = await updateVersioned(tx, projects, 'project', id, input.version, {});
    await tx.delete(projectYearPlans).where(eq(projectYearPlans.projectId, id));
    if (input.years.length) await tx.insert(projectYearPlans).values(input.years.map((y) => ({ projectId: id, year: y.year, planned: y.planned })));
    await recordAudit(tx, ctx, 'project.plan_set', { entity: 'project', entityId: id, before: { version: project.version, years: before }, after: { version: after.version, years: input.years } });
    return after;
  });
}
