import { sql } from 'drizzle-orm';
import type { AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Grade, Honour, RankedUnit } from '../../../domain/scoring/rank.js';
import type { Executor } from '../../db/client.js';

/** One published ranking as the public may see it: ranks, names, totals, grades and the 红黑榜, nothing else. */
export interface PublishedRanking {
  schemeName: string;
  year: number;
  category: AssessmentCategory;
  period: string;
  publishedAt: string;
  units: { rank: number; unitName: string; total: string; grade: Grade | null; honour: Honour | null }[];
}

/**
 * The latest published result of each scheme (one per year and category), for the public portal
 * (issue 23's publicity half wires it in): no breakdown, no facts, no unit without a rank.
 */
export async function publishedRankings(db: Executor): Promise<PublishedRanking[]> {
  const { rows } = (await db.execute(sql`
    select distinct on (s.id) s.name, s.year, s.category, r.period, r.published_at, r.units
      from assessment_results r join assessment_schemes s on s.id = r.scheme_id
     where r.status = 'published'
     order by s.id, r.published_at desc`)) as unknown as { rows: { name: string; year: number; category: AssessmentCategory; period: string; published_at: Date | string; units: RankedUnit[] }[] };
  return rows
    .map((r) => ({
      schemeName: r.name,
      year: Number(r.year),
      category: r.category,
      period: r.period,
      publishedAt: new Date(r.published_at).toISOString(),
      units: r.units.filter((u) => u.rank !== null).map((u) => ({ rank: u.rank!, unitName: u.unitName, total: u.total, grade: u.grade, honour: u.honour })),
    }))
    .sort((a, b) => b.year - a.year || a.category.localeCompare(b.category));
}
