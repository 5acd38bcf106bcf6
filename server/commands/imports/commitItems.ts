import type { Lang } from '../../../domain/enums.js';
import { itemUnitId, type ItemImportRow, type ProjectImportRow, type TargetImportRow } from '../../../domain/imports/itemRows.js';
import { ProjectCreate } from '../../../domain/schemas/project.js';
import { TargetCreate } from '../../../domain/schemas/target.js';
import type { Tx } from '../../db/client.js';
import type { LightEnv } from '../../lights/refresh.js';
import { insertProjects, insertTargets } from '../planning/insertItems.js';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import { issueMessage } from '../../validationMessages.js';

/** A row refused by its create schema: 422 naming the row and the field (rows.12.baseline). */
export function parseRow<S extends z.ZodType>(schema: S, body: unknown, line: number, lang: Lang): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = `rows.${line}.${String(issue.path[0] ?? 'row')}`;
  throw new AppError(422, 'validation', { detail: field }, { [field]: issueMessage(issue as never, lang, undefined) });
}

/** A target row as the body of POST /api/targets would carry it. */
const targetBody = (planId: string, r: TargetImportRow) => ({
  planId,
  areaId: r.area?.areaId ?? null,
  code: r.code,
  name: r.name,
  measureUnit: r.values.measureUnit,
  baseline: r.values.baseline,
  direction: r.values.direction,
  dataUnitId: itemUnitId(r),
  period: r.values.period,
  accumulation: r.values.accumulation,
  goals: r.values.goals,
});

/** A project row as the body of POST /api/projects would carry it (under the preview's plan). */
const projectBody = (planId: string, r: ProjectImportRow) => ({
  code: r.code,
  name: r.name,
  planId,
  areaId: r.area?.areaId ?? null,
  ownerEnterprise: r.values.ownerEnterprise,
  location: r.values.location,
  responsibleUnitId: itemUnitId(r),
  totalInvestment: r.values.totalInvestment,
  stage: r.values.stage,
  stageDates: r.values.stageDates,
});

/** The targets or projects of a preview without errors, each through its form's schema, written as one batch; their ids and codes. */
export async function writeItemRows(tx: Tx, planId: string, rows: readonly ItemImportRow[], env: LightEnv, lang: Lang): Promise<{ id: string; code: string }[]> {
  const field = (i: number, f: string) => `rows.${rows[i]!.line}.${f}`;
  const made =
    rows[0]!.kind === 'target'
      ? await insertTargets(tx, (rows as TargetImportRow[]).map((r) => parseRow(TargetCreate, targetBody(planId, r), r.line, lang)), env, field)
      : await insertProjects(tx, (rows as ProjectImportRow[]).map((r) => ({ input: parseRow(ProjectCreate, projectBody(planId, r), r.line, lang), years: r.values.yearPlans })), env, field);
  return made.map((m) => ({ id: m.id, code: m.code }));
}
