import { and, eq } from 'drizzle-orm';
import { DEFAULT_RULES, schemeProblem, type Indicator, type SchemeRules } from '../../../domain/scoring/scheme.js';
import type { SchemeCreate, SchemeUpdate } from '../../../domain/schemas/assessment.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { assessmentSchemes, assessmentSchemeVersions } from '../../db/schema/index.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { makerRegionId } from '../../queries/regionScope.js';

const PROBLEM_CODES = {
  weights_sum: 'assessment_weights_sum',
  duplicate_indicator: 'assessment_duplicate_indicator',
  required: 'assessment_indicators_required',
  grade_order: 'assessment_grade_order',
} as const;

/** 422 naming the field when the scheme breaks a rule of domain/scoring/scheme.ts (weights ≠ 100, …). */
function checkScheme(indicators: Indicator[], rules: SchemeRules) {
  const p = schemeProblem({ indicators, rules });
  if (!p) return;
  const code = PROBLEM_CODES[p.code];
  const params: Record<string, string> = p.code === 'weights_sum' ? { sum: p.sum } : {};
  throw new AppError(422, code, params, { [p.field]: code });
}

async function keepVersion(tx: Tx, ctx: Ctx, row: typeof assessmentSchemes.$inferSelect) {
  await tx.insert(assessmentSchemeVersions).values({ schemeId: row.id, schemeVersion: row.schemeVersion, indicators: row.indicators, rules: row.rules, createdById: ctx.actor?.userId ?? null });
}

/** 新建考核方案: one per year and category; its indicators' weights sum to exactly 100. */
export async function createScheme(ctx: Ctx, input: SchemeCreate) {
  const rules = input.rules ?? DEFAULT_RULES;
  checkScheme(input.indicators, rules);
  return inTx(ctx, async (tx) => {
    // The maker's region's scheme: each region assesses its own units.
    const regionId = await makerRegionId(tx, ctx.actor);
    const [clash] = await tx
      .select({ id: assessmentSchemes.id })
      .from(assessmentSchemes)
      .where(and(eq(assessmentSchemes.regionId, regionId), eq(assessmentSchemes.year, input.year), eq(assessmentSchemes.category, input.category)));
    if (clash) throw new AppError(409, 'assessment_scheme_exists', { year: input.year }, { category: 'assessment_scheme_exists' });
    const [row] = await tx
      .insert(assessmentSchemes)
      .values({ year: input.year, category: input.category, name: input.name, indicators: input.indicators, rules, createdById: ctx.actor?.userId ?? null, regionId })
      .returning();
    await keepVersion(tx, ctx, row!);
    await recordAudit(tx, ctx, 'assessment.scheme_created', { entity: 'assessment_scheme', entityId: row!.id, after: row });
    return row!;
  });
}

/** 修改考核方案: a change of indicators or rules makes the scheme's next version; results keep theirs. */
export async function updateScheme(ctx: Ctx, id: string, input: SchemeUpdate) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id)).for('update');
    if (!before) throw notFound('assessment_scheme');
    if (before.version !== input.version) throw versionConflict();
    const indicators = input.indicators ?? before.indicators;
    const rules = input.rules ?? before.rules;
    checkScheme(indicators, rules);
    const changed = JSON.stringify([indicators, rules]) !== JSON.stringify([before.indicators, before.rules]);
    const [row] = await tx
      .update(assessmentSchemes)
      .set({ name: input.name ?? before.name, indicators, rules, schemeVersion: before.schemeVersion + (changed ? 1 : 0), version: before.version + 1 })
      .where(eq(assessmentSchemes.id, id))
      .returning();
    if (changed) await keepVersion(tx, ctx, row!);
    await recordAudit(tx, ctx, 'assessment.scheme_updated', { entity: 'assessment_scheme', entityId: id, before, after: row });
    return row!;
  });
}
