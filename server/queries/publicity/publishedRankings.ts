import type { PublishedRanking } from '../../../domain/articles.js';
import type { Executor } from '../../db/client.js';

/**
 * The published assessment rankings the portal and the 简报 show. A stub until the assessment half
 * of issue 23 lands: no published rankings yet, so an empty list (the portal says 暂无已发布的考核排名).
 * At the merge this reads the assessment's `publishedRankings(db)`.
 */
export async function publishedRankings(_db: Executor): Promise<PublishedRanking[]> {
  return [];
}
