import { sql } from 'drizzle-orm';
import { BRIEFING_LIST_MAX, type BriefingFacts } from '../../../domain/articles.js';
import type { Executor } from '../../db/client.js';
import { trimDecimal } from '../../../domain/text.js';
import { districtName } from '../org.js';
import { publishedRankings } from './publishedRankings.js';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(p: Promise<unknown>) => ((await p) as Rows<T>).rows;

/**
 * A period's facts for the 简报, in a fixed number of statements: reports accepted in it (the first
 * lines and their count), task milestones done in it, projects whose actual start (开工) falls in it,
 * blockers solved in it (resolved or since verified), and the published rankings. Days are Asia/Shanghai.
 * Only the briefing's region's: its units' reports, projects and blockers, its plans' milestones, its schemes' rankings.
 */
export async function briefingFacts(db: Executor, regionId: string, periodStart: string, periodEnd: string): Promise<BriefingFacts> {
  const ownUnits = sql`(select id from org_units where region_id = ${regionId})`;
  const from = sql`(${periodStart}::date::timestamp at time zone 'Asia/Shanghai')`;
  const to = sql`((${periodEnd}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
  // One after another: inside a transaction the statements share one connection.
  const district = await districtName(db, regionId);
  const [accepted, counted, milestones, started, solved, rankings] = [
    await rowsOf<{ unit: string; item: string; percent: string | null }>(
      db.execute(sql`
        select u.name as unit, coalesce(t.title, g.name, p.name, '') as item, r.percent::text as percent
        from reports r join org_units u on u.id = r.unit_id
        left join tasks t on r.item_type = 'task' and t.id = r.item_id
        left join targets g on r.item_type = 'target' and g.id = r.item_id
        left join projects p on r.item_type = 'project' and p.id = r.item_id
        where r.status = 'accepted' and u.region_id = ${regionId} and r.accepted_at >= ${from} and r.accepted_at < ${to}
        order by r.accepted_at, r.id limit ${BRIEFING_LIST_MAX}`),
    ),
    await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from reports where status = 'accepted' and unit_id in ${ownUnits} and accepted_at >= ${from} and accepted_at < ${to}`)),
    await rowsOf<{ task: string; name: string; doneOn: string }>(
      db.execute(sql`
        select t.title as task, m.name, m.done_on as "doneOn" from milestones m join tasks t on t.id = m.task_id
        where m.unit_id is null and t.plan_id in (select p.id from plans p join programs pr on pr.id = p.program_id where pr.region_id = ${regionId})
          and m.done_on between ${periodStart} and ${periodEnd} order by m.done_on, t.code, m.sort`),
    ),
    await rowsOf<{ name: string; unit: string; investment: string }>(
      db.execute(sql`
        select p.name, u.name as unit, p.total_investment::text as investment from projects p join org_units u on u.id = p.responsible_unit_id
        where u.region_id = ${regionId} and p.stage_dates->'started'->>'actual' between ${periodStart} and ${periodEnd} order by p.stage_dates->'started'->>'actual', p.code`),
    ),
    await rowsOf<{ title: string; unit: string }>(
      db.execute(sql`
        select b.title, u.name as unit from blockers b join org_units u on u.id = b.unit_id
        where u.region_id = ${regionId} and b.status in ('resolved', 'closed') and b.resolved_at >= ${from} and b.resolved_at < ${to} order by b.resolved_at, b.id`),
    ),
    await publishedRankings(db, regionId),
  ] as const;
  return {
    district: district ?? '',
    periodStart,
    periodEnd,
    reportsAccepted: accepted.map((r) => ({ unit: r.unit, item: r.item, percent: r.percent === null ? null : trimDecimal(r.percent) })),
    reportsAcceptedCount: Number(counted[0]?.n ?? 0),
    milestones,
    projectsStarted: started.map((p) => ({ ...p, investment: trimDecimal(p.investment) })),
    blockersSolved: solved,
    rankings,
  };
}
