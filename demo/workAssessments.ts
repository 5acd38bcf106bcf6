import { appealDeadline } from '../domain/scoring/appeals.js';
import { assessCategory } from '../domain/scoring/rank.js';
import { assessmentPeriodRange, DEFAULT_RULES, type AssessmentCategory, type Indicator } from '../domain/scoring/scheme.js';
import { storeResult } from '../server/commands/assessments/storeResult.js';
import { assessmentAdjustments, assessmentAppeals, assessmentSchemes, assessmentSchemeVersions } from '../server/db/schema/index.js';
import { gatherFacts } from '../server/queries/assessments/facts.js';
import { staffAccount, ROLE_ACCOUNT_UNIT } from './accounts.js';
import type { DemoContext } from './index.js';
import { at, type DemoClock } from './workSchedule.js';

const INDICATORS: Indicator[] = [
  { kind: 'reporting_on_time', weight: '25' },
  { kind: 'task_delivery', weight: '20' },
  { kind: 'target_achievement', weight: '15' },
  { kind: 'project_investment', weight: '10' },
  { kind: 'rectification_on_time', weight: '10' },
  { kind: 'blockers_solved', weight: '5' },
  { kind: 'dispatch_replies', weight: '5' },
  { kind: 'leader_evaluation', weight: '10' },
];
const NAMES: Record<AssessmentCategory, string> = { departments: '区直部门', streets_towns: '街道（镇）' };

/** The last quarter that has ended before `today` (2026-12-07 → 2026-Q3). */
function lastQuarter(today: string): string {
  const q = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  return q === 0 ? `${Number(today.slice(0, 4)) - 1}-Q4` : `${today.slice(0, 4)}-Q${q}`;
}

/**
 * 考核: a scheme per category for the year of the last ended quarter, that quarter computed from the
 * district's facts and published two workdays ago (appeals still open), a 领导评价 per street, and the
 * 建设街道 liaison's appeal waiting for the assessor. Returns how many rows it wrote.
 */
export async function loadAssessments(ctx: DemoContext, c: DemoClock, today: string): Promise<number> {
  const { tx } = ctx;
  const period = lastQuarter(today);
  const year = Number(period.slice(0, 4));
  const assessor = ctx.users.get('assessor') ?? null;
  const published = c.cal.addWorkdays(today, -2);
  let rows = 0;
  for (const category of ['departments', 'streets_towns'] as const) {
    const [scheme] = await tx
      .insert(assessmentSchemes)
      .values({ year, category, name: `${year}年度${NAMES[category]}推进工作考核`, indicators: INDICATORS, rules: DEFAULT_RULES, createdById: assessor, createdAt: at(`${year}-01-10`, 9), regionId: ctx.regionId })
      .returning();
    await tx.insert(assessmentSchemeVersions).values({ schemeId: scheme!.id, schemeVersion: 1, indicators: INDICATORS, rules: DEFAULT_RULES, createdById: assessor });
    const facts = await gatherFacts(tx, scheme!.id, ctx.regionId, category, period, c.cal);
    if (category === 'streets_towns') {
      const evaluations = facts.map((u, i) => ({ schemeId: scheme!.id, period, unitId: u.unitId, kind: 'evaluation', points: String(95 - ((i * 7) % 20)), reason: '区领导小组季度评价', status: 'approved', createdById: assessor, approvedById: assessor, approvedAt: at(published, 9) }));
      if (evaluations.length) await tx.insert(assessmentAdjustments).values(evaluations);
      // What gatherFacts would read back for an approved evaluation: the facts are not gathered twice.
      evaluations.forEach((e, i) => (facts[i]!.evaluation = { score: e.points, note: e.reason }));
      rows += evaluations.length;
    }
    const asOf = assessmentPeriodRange(period)!.end;
    const ranked = assessCategory({ year, category, indicators: INDICATORS, rules: DEFAULT_RULES }, facts, asOf, c.cal);
    const result = await storeResult(
      tx,
      { schemeId: scheme!.id, period, revision: 1, schemeVersion: 1, indicators: INDICATORS, rules: DEFAULT_RULES, asOf, status: 'published', computedById: assessor, computedAt: at(published, 9), publishedById: assessor, publishedAt: at(published, 10), appealDeadline: appealDeadline(c.cal, published) },
      ranked,
    );
    rows += 3 + ranked.length;
    const appellant = ctx.units.get(ROLE_ACCOUNT_UNIT);
    const liaison = ctx.users.get(staffAccount('liaison', ROLE_ACCOUNT_UNIT));
    if (category === 'streets_towns' && appellant && liaison && ranked.some((u) => u.unitId === appellant)) {
      await tx.insert(assessmentAppeals).values({
        resultId: result.id,
        unitId: appellant,
        indicator: 'reporting_on_time',
        reason: '本季度第二个月的进展报送因系统升级停机顺延一个工作日，附区数据局停机通知，申请不计逾期。',
        filedById: liaison,
        filedAt: at(c.cal.addWorkdays(published, 1), 15),
      });
      rows += 1;
    }
  }
  return rows;
}
