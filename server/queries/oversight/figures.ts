import { sql } from 'drizzle-orm';
import type { CaseSpan } from '../../../domain/oversight.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { oversightCases } from '../../db/schema/index.js';
import { caseScope } from './scope.js';

/**
 * Every case's span in days (Asia/Shanghai) received by `to`: what domain/oversight.ts caseFigures
 * counts. A district's cases are hundreds, not millions, so they are counted in one place, the domain.
 */
export async function caseSpans(db: Executor, actor: Actor | null, to: string): Promise<CaseSpan[]> {
  const day = (c: unknown) => sql<string>`to_char(${c} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const scope = caseScope(actor);
  return db
    .select({ opened: day(oversightCases.createdAt), closed: sql<string | null>`case when ${oversightCases.status} = 'closed' then ${day(oversightCases.closedAt)} end` })
    .from(oversightCases)
    .where(sql`(${oversightCases.createdAt} at time zone 'Asia/Shanghai')::date <= ${to}::date${scope ? sql` and ${scope}` : sql``}`);
}
