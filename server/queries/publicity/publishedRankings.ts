import type { PublishedRanking } from '../../../domain/articles.js';
import type { AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Grade } from '../../../domain/scoring/rank.js';
import type { Executor } from '../../db/client.js';
import { publishedRankings as assessmentRankings } from '../assessments/publishedRankings.js';

// The portal and the 简报 are in Chinese only: the words of web/i18n/messages/assessments.ts's zh-CN side.
const CATEGORY: Record<AssessmentCategory, string> = { departments: '区直部门', streets_towns: '街道（镇）' };
const GRADE: Record<Grade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };
const QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** "2026-Q3" → 2026年第三季度, "2026" → 2026年度. */
function periodWords(period: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? `${m[1]}年${QUARTER[Number(m[2])]}` : `${m[1]}年度`;
}

/**
 * The published assessment rankings as the portal and the 简报 show them: the latest published result
 * of each scheme (server/queries/assessments/publishedRankings.ts), ranks, names, totals, grades and
 * the 红黑榜 only; the 简报 names its region (the portal is the deployment's).
 */
export async function publishedRankings(db: Executor, regionId?: string): Promise<PublishedRanking[]> {
  return (await assessmentRankings(db, regionId)).map((r) => ({
    scheme: r.schemeName,
    category: CATEGORY[r.category] ?? r.category,
    period: periodWords(r.period),
    rows: r.units.map((u) => ({ rank: u.rank, unit: u.unitName, score: u.total, grade: u.grade ? GRADE[u.grade] : '', mark: u.honour })),
  }));
}
