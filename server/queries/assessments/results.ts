import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { assessmentAdjustments, assessmentAppeals, assessmentResults, assessmentResultUnits, assessmentSchemes, orgUnits } from '../../db/schema/index.js';
import type { AdjustmentView, AppealView, MyResultView, RankLineRow, ResultSummaryRow, ResultView, SchemeRow, SchemeView, UnitBreakdownView } from '../../models/assessments.js';
import { hasRole } from '../../policies/actor.js';
import { appealUnits } from '../../policies/assessment.js';
import { regionIn, scopeOf, unitIn } from '../regionScope.js';

const SUMMARY = {
  id: assessmentResults.id,
  schemeId: assessmentResults.schemeId,
  period: assessmentResults.period,
  revision: assessmentResults.revision,
  schemeVersion: assessmentResults.schemeVersion,
  asOf: assessmentResults.asOf,
  status: assessmentResults.status,
  computedById: assessmentResults.computedById,
  computedAt: assessmentResults.computedAt,
  publishedById: assessmentResults.publishedById,
  publishedAt: assessmentResults.publishedAt,
  appealDeadline: assessmentResults.appealDeadline,
};

/** Results the actor may see listed: every revision for the assessor, the published ones (and their history) for the rest. */
const visibleResults = (actor: Actor | null): SQL | undefined => (hasRole(actor, 'assessor') ? undefined : ne(assessmentResults.status, 'computed'));

async function summaries(db: Executor, actor: Actor | null, schemeIds: string[]): Promise<ResultSummaryRow[]> {
  if (schemeIds.length === 0) return [];
  return db
    .select(SUMMARY)
    .from(assessmentResults)
    .where(and(inArray(assessmentResults.schemeId, schemeIds), visibleResults(actor)))
    .orderBy(asc(assessmentResults.period), desc(assessmentResults.revision));
}

/** Schemes of the actor's regions, newest year first, each with the revisions of its results the actor may see. */
export async function listSchemes(db: Executor, actor: Actor | null, filter: { year?: number }, page: number, perPage: number): Promise<{ rows: SchemeView[]; total: number }> {
  const where = and(regionIn(assessmentSchemes.regionId, scopeOf(actor)), filter.year ? eq(assessmentSchemes.year, filter.year) : undefined);
  const schemes = await db.select().from(assessmentSchemes).where(where).orderBy(desc(assessmentSchemes.year), asc(assessmentSchemes.category)).limit(perPage).offset((page - 1) * perPage);
  const [counted] = await db.select({ n: count() }).from(assessmentSchemes).where(where);
  const results = await summaries(db, actor, schemes.map((s) => s.id));
  return { rows: schemes.map((scheme) => ({ scheme, results: results.filter((r) => r.schemeId === scheme.id) })), total: Number(counted?.n ?? 0) };
}

export async function findScheme(db: Executor, actor: Actor | null, id: string): Promise<SchemeView | null> {
  const [scheme] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id));
  return scheme ? { scheme, results: await summaries(db, actor, [id]) } : null;
}

/** One result with its scheme (whoever asks: the route checks the row policy). */
export async function findResult(db: Executor, id: string): Promise<ResultView | null> {
  const [row] = await db.select({ result: assessmentResults, scheme: assessmentSchemes }).from(assessmentResults).innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentResults.schemeId)).where(eq(assessmentResults.id, id));
  return row ?? null;
}

const LINE = {
  unitId: assessmentResultUnits.unitId,
  unitName: assessmentResultUnits.unitName,
  rank: assessmentResultUnits.rank,
  total: assessmentResultUnits.total,
  grade: assessmentResultUnits.grade,
  honour: assessmentResultUnits.honour,
  line: assessmentResultUnits.line,
};
/** How many units a result ranks (the "of N" beside a unit's rank). */
const rankedCount = sql<number>`(select count(*)::int from ${assessmentResultUnits} c where c.result_id = ${assessmentResults.id} and c.rank is not null)`;

/** A result's ranking, unit by unit as computed, without any unit's facts. */
export async function resultLines(db: Executor, resultId: string): Promise<RankLineRow[]> {
  return db.select(LINE).from(assessmentResultUnits).where(eq(assessmentResultUnits.resultId, resultId)).orderBy(asc(assessmentResultUnits.position));
}

/** One unit's breakdown of a result (down to its facts) and how many units the result ranks; null if the unit is not in it. */
export async function resultUnit(db: Executor, resultId: string, unitId: string): Promise<UnitBreakdownView | null> {
  const [row] = await db
    .select({ breakdown: assessmentResultUnits.breakdown, ranked: rankedCount })
    .from(assessmentResultUnits)
    .innerJoin(assessmentResults, eq(assessmentResults.id, assessmentResultUnits.resultId))
    .where(and(eq(assessmentResultUnits.resultId, resultId), eq(assessmentResultUnits.unitId, unitId)));
  return row ? { unit: row.breakdown, ranked: Number(row.ranked) } : null;
}

/** Every unit's breakdown of a result, as ranked (the results workbook's 得分明细). */
export async function resultBreakdowns(db: Executor, resultId: string) {
  const rows = await db.select({ breakdown: assessmentResultUnits.breakdown }).from(assessmentResultUnits).where(eq(assessmentResultUnits.resultId, resultId)).orderBy(asc(assessmentResultUnits.position));
  return rows.map((r) => r.breakdown);
}

/** The published results that rank one of the actor's units (考核结果), newest first: the unit's line only. */
export async function myResults(db: Executor, actor: Actor | null): Promise<MyResultView[]> {
  const units = appealUnits(actor);
  if (units.length === 0) return [];
  const rows = await db
    .select({ result: SUMMARY, scheme: assessmentSchemes, unit: LINE, ranked: rankedCount })
    .from(assessmentResultUnits)
    .innerJoin(assessmentResults, eq(assessmentResults.id, assessmentResultUnits.resultId))
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentResults.schemeId))
    .where(and(eq(assessmentResults.status, 'published'), inArray(assessmentResultUnits.unitId, units)))
    .orderBy(desc(assessmentResults.publishedAt), asc(assessmentResultUnits.position));
  return rows.map((r) => ({ ...r, ranked: Number(r.ranked) }));
}

export async function listAdjustments(db: Executor, schemeId: string, period: string | undefined): Promise<AdjustmentView[]> {
  return db
    .select({ adjustment: assessmentAdjustments, unitName: orgUnits.name })
    .from(assessmentAdjustments)
    .innerJoin(orgUnits, eq(orgUnits.id, assessmentAdjustments.unitId))
    .where(and(eq(assessmentAdjustments.schemeId, schemeId), period ? eq(assessmentAdjustments.period, period) : undefined))
    .orderBy(asc(assessmentAdjustments.period), asc(assessmentAdjustments.createdAt));
}

export async function findAdjustment(db: Executor, id: string): Promise<AdjustmentView | null> {
  const [row] = await db.select({ adjustment: assessmentAdjustments, unitName: orgUnits.name }).from(assessmentAdjustments).innerJoin(orgUnits, eq(orgUnits.id, assessmentAdjustments.unitId)).where(eq(assessmentAdjustments.id, id));
  return row ?? null;
}

const appealColumns = { appeal: assessmentAppeals, unitName: orgUnits.name, schemeName: assessmentSchemes.name, period: assessmentResults.period };
/** Appeals: every one for the assessor (the queue), a unit's own for its liaison or head. */
export const appealScope = (actor: Actor | null): SQL | undefined => {
  if (hasRole(actor, 'assessor')) return unitIn(assessmentAppeals.unitId, scopeOf(actor));
  const units = appealUnits(actor);
  return units.length ? inArray(assessmentAppeals.unitId, units) : sql`false`;
};

function appealQuery(db: Executor) {
  return db
    .select(appealColumns)
    .from(assessmentAppeals)
    .innerJoin(orgUnits, eq(orgUnits.id, assessmentAppeals.unitId))
    .innerJoin(assessmentResults, eq(assessmentResults.id, assessmentAppeals.resultId))
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentResults.schemeId));
}

export async function listAppeals(db: Executor, actor: Actor | null, filter: { status?: string }, page: number, perPage: number): Promise<{ rows: AppealView[]; total: number }> {
  const where = and(appealScope(actor), filter.status ? eq(assessmentAppeals.status, filter.status) : undefined);
  const rows = await appealQuery(db).where(where).orderBy(desc(assessmentAppeals.filedAt)).limit(perPage).offset((page - 1) * perPage);
  const [counted] = await db.select({ n: count() }).from(assessmentAppeals).where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

export async function findAppeal(db: Executor, actor: Actor | null, id: string): Promise<AppealView | null> {
  const [row] = await appealQuery(db).where(and(eq(assessmentAppeals.id, id), appealScope(actor)));
  return row ?? null;
}

export type { SchemeRow };
