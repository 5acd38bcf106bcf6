import Decimal from 'decimal.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProjectCreate } from '../../../domain/schemas/project.js';
import type { TargetCreate } from '../../../domain/schemas/target.js';
import type { ProjectStage } from '../../../domain/work.js';
import type { Tx } from '../../db/client.js';
import { ensureExists } from '../../db/references.js';
import { areas, projects, projectYearPlans, targetGoals, targets } from '../../db/schema/index.js';
import { duplicate } from '../../db/references.js';
import { refreshProjectLights, refreshTargetLights } from '../../lights/refreshAll.js';
import type { LightEnv } from '../../lights/refresh.js';
import { badReference, ensureAreaIn, existingUnits, planAndProgram, renamed, ruleBroken, type FieldName } from './checks.js';

/** Rows per INSERT: a dozen parameters a row, far below PostgreSQL's 65,535. */
const CHUNK = 500;
const asIs: FieldName = (_, f) => f;

async function insertChunked<T extends typeof targets | typeof targetGoals | typeof projects | typeof projectYearPlans>(tx: Tx, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
}

/** 409 naming the row of the first code used twice in the batch or taken already. */
function ensureCodesFree(codes: readonly string[], taken: ReadonlySet<string>, field: FieldName) {
  const i = codes.findIndex((c, k) => codes.indexOf(c) !== k || taken.has(c));
  if (i >= 0) throw renamed(duplicate('code', codes[i]!), i, field);
}

/**
 * Targets of one plan in the caller's transaction, held to POST /api/targets's rules in this order
 * (the plan, the area in its program, the data unit, each goal's year within the program, a code free
 * in the plan and the batch), in a fixed number of statements; lights and verdicts computed for the
 * batch at once. No audit record: the caller writes it (one per target made by hand, one per import).
 */
export async function insertTargets(tx: Tx, inputs: readonly z.infer<typeof TargetCreate>[], env: LightEnv, field: FieldName = asIs) {
  if (!inputs.length) return [];
  const planId = inputs[0]!.planId;
  const { program } = await planAndProgram(tx, planId, field(0, 'planId'));
  const other = inputs.findIndex((t) => t.planId !== planId);
  if (other >= 0) throw badReference(field(other, 'planId'));
  for (const [i, t] of inputs.entries()) {
    await ensureAreaIn(tx, t.areaId, program.id).catch((e: unknown) => {
      throw renamed(e, i, field);
    });
  }
  const found = await existingUnits(tx, inputs.map((t) => t.dataUnitId));
  const noUnit = inputs.findIndex((t) => !found.has(t.dataUnitId));
  if (noUnit >= 0) throw badReference(field(noUnit, 'dataUnitId'));
  for (const [i, t] of inputs.entries()) {
    const g = t.goals.findIndex((x) => x.year < program.startYear || x.year > program.endYear);
    if (g >= 0) throw ruleBroken('year_out_of_range', field(i, `goals.${g}.year`), { from: program.startYear, to: program.endYear });
  }
  const codes = inputs.map((t) => t.code);
  const taken = await tx.select({ code: targets.code }).from(targets).where(and(eq(targets.planId, planId), inArray(targets.code, codes)));
  ensureCodesFree(codes, new Set(taken.map((r) => r.code)), field);
  const rows: (typeof targets.$inferSelect)[] = [];
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const part = inputs.slice(i, i + CHUNK).map(({ goals: _goals, ...fields }) => ({ ...fields, areaId: fields.areaId ?? null }));
    rows.push(...(await tx.insert(targets).values(part).returning()));
  }
  await insertChunked(tx, targetGoals, inputs.flatMap((t, i) => t.goals.map((g) => ({ targetId: rows[i]!.id, year: g.year, goal: g.goal }))));
  await refreshTargetLights(tx, env, rows.map((r) => r.id));
  return rows;
}

type StageDates = Partial<Record<ProjectStage, { planned?: string | null | undefined; actual?: string | null | undefined }>>;

/** Reaching a stage without an actual date records today as that date. */
export function stamped(dates: StageDates, stage: ProjectStage, today: string): StageDates {
  const d = dates[stage] ?? {};
  return d.actual ? dates : { ...dates, [stage]: { ...d, actual: today } };
}

/** A project to make, with its yearly planned investment (万元) as PUT /api/projects/:id/plan sets it. */
export interface BatchProject {
  input: z.infer<typeof ProjectCreate>;
  years?: readonly { year: number; planned: string }[];
}

/**
 * Projects in the caller's transaction, held to POST /api/projects's rules in its order (the plan and
 * the area in its program, or an area that exists; the responsible unit; a code free among all
 * projects and the batch) and, for the years given, PUT …/plan's (they add up to no more than the
 * total); a stage past 谋划 is dated today as by hand. Lights for the batch at once, after the plans
 * (investment behind its plan is a reason). No audit record: the caller writes it.
 */
export async function insertProjects(tx: Tx, batch: readonly BatchProject[], env: LightEnv, field: FieldName = asIs) {
  if (!batch.length) return [];
  const programs = new Map<string, string>();
  for (const [i, { input }] of batch.entries()) {
    try {
      if (input.planId) {
        if (!programs.has(input.planId)) programs.set(input.planId, (await planAndProgram(tx, input.planId)).program.id);
        await ensureAreaIn(tx, input.areaId, programs.get(input.planId)!);
      } else await ensureExists(tx, areas, input.areaId, 'areaId');
    } catch (e) {
      throw renamed(e, i, field);
    }
  }
  const found = await existingUnits(tx, batch.map((b) => b.input.responsibleUnitId));
  const noUnit = batch.findIndex((b) => !found.has(b.input.responsibleUnitId));
  if (noUnit >= 0) throw badReference(field(noUnit, 'responsibleUnitId'));
  const codes = batch.map((b) => b.input.code);
  const taken = await tx.select({ code: projects.code }).from(projects).where(inArray(projects.code, codes));
  ensureCodesFree(codes, new Set(taken.map((r) => r.code)), field);
  for (const [i, b] of batch.entries()) {
    const sum = (b.years ?? []).reduce((s, y) => s.plus(y.planned), new Decimal(0));
    if (sum.gt(b.input.totalInvestment)) throw ruleBroken('plan_exceeds_total', field(i, 'years'), { sum: sum.toFixed(2), total: b.input.totalInvestment });
  }
  const rows: (typeof projects.$inferSelect)[] = [];
  for (let i = 0; i < batch.length; i += CHUNK) {
    const part = batch.slice(i, i + CHUNK).map(({ input }) => ({
      ...input,
      planId: input.planId ?? null,
      areaId: input.areaId ?? null,
      stageDates: input.stage === 'planning' ? input.stageDates : stamped(input.stageDates, input.stage, env.today),
    }));
    rows.push(...(await tx.insert(projects).values(part).returning()));
  }
  await insertChunked(tx, projectYearPlans, batch.flatMap((b, i) => (b.years ?? []).map((y) => ({ projectId: rows[i]!.id, year: y.year, planned: y.planned }))));
  await refreshProjectLights(tx, env, rows.map((r) => r.id));
  return rows;
}
