import { sql } from 'drizzle-orm';
import type { AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Grade, Honour } from '../../../domain/scoring/rank.js';
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
 * (issue 23's publicity half wires it in): no breakdown, no facts, no unit without a rank. With a
 * region, that region's schemes only (a 简报's).
 */
export async function publishedRankings(db: Executor, regionId?: string): Promise<PublishedRanking[]> {
  // The latest published revision of each scheme, then only its ranked units' lines: no breakdown is read.
  const { rows } = (await db.execute(sql`
    with latest as (
      select distinct on (s.id) r.id, s.name, s.year, s.category, r.period, r.published_at
        from assessment_results r join assessment_schemes s on s.id = r.scheme_id
       where r.status = 'published' ${regionId ? sql`and s.region_id = ${regionId}` : sql``}
       order by s.id, r.published_at desc)
    select l.id, l.name, l.year, l.category, l.period, l.published_at, u.rank, u.unit_name, u.total::text as total, u.grade, u.honour
      from latest l left join assessment_result_units u on u.result_id = l.id and u.rank is not null
     order by l.year desc, l.category, l.id, u.position`)) as unknown as {
    rows: { id: string; name: string; year: number; category: AssessmentCategory; period: string; published_at: Date | string; rank: number | null; unit_name: string; total: string; grade: Grade | null; honour: Honour | null }[];
  };
  const byResult = new Map<string, PublishedRanking>();
  for (const r of rows) {
    let ranking = byResult.get(r.id);
    if (!ranking) {
      ranking = { schemeName: r.name, year: Number(r.year), category: r.category, period: r.period, publishedAt: new Date(r.published_at).toISOString(), units: [] };
      byResult.set(r.id, ranking);
    }
    if (r.rank !== null) ranking.units.push({ rank: Number(r.rank), unitName: r.unit_name, total: r.total, grade: r.grade, honour: r.honour });
  }
  return [...byResult.values()].sort((a, b) => b.year - a.year || a.category.localeCompare(b.category));
}
