import { sql } from 'drizzle-orm';
import { UNRESOLVED_BLOCKER_STATUSES } from '../../../domain/schemas/blocker.js';
import type { Executor } from '../../db/client.js';
import type { WatchBlockerRow, WatchItemRow } from '../../models/oversight.js';

/** At most this many rows of each kind: the watch is a list to act on, not an export. */
export const WATCH_LIMIT = 500;

const rowsOf = <T,>(r: unknown): T[] => (r as { rows: T[] }).rows;

/** Light reasons that make an item overdue (domain/oversight.ts reads their workdays). */
const OVERDUE = sql`(light_reasons @> '[{"code":"overdue"}]' or light_reasons @> '[{"code":"milestone_overdue"}]' or light_reasons @> '[{"code":"claim_overdue"}]')`;

const TABLES = [
  { itemType: 'task', table: sql`tasks`, name: sql`x.title`, unit: sql`x.lead_unit_id` },
  { itemType: 'target', table: sql`targets`, name: sql`x.name`, unit: sql`x.data_unit_id` },
  { itemType: 'project', table: sql`projects`, name: sql`x.name`, unit: sql`x.responsible_unit_id` },
] as const;

/**
 * Tasks, targets and projects red or overdue now, with the day each last turned red (from
 * light_changes; null when no turn is recorded): domain/oversight.ts itemWatchReason decides which
 * have been so long enough. One statement per kind, the oldest red first.
 */
export async function redOrOverdueItems(db: Executor): Promise<{ rows: WatchItemRow[]; truncated: boolean }> {
  const out: WatchItemRow[] = [];
  let truncated = false;
  for (const t of TABLES) {
    const found = rowsOf<Omit<WatchItemRow, 'itemType' | 'openCaseId'>>(
      await db.execute(sql`
        select x.id as "itemId", x.code, ${t.name} as title, ${t.unit} as "unitId", u.name as "unitName", x.light, x.light_reasons as "lightReasons",
               (select to_char(max(lc.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from light_changes lc
                 where lc.item_type = ${t.itemType} and lc.item_id = x.id and lc.to_light = 'red') as "redSince"
          from ${t.table} x left join org_units u on u.id = ${t.unit}
         where x.light = 'red' or ${OVERDUE}
         order by x.code
         limit ${WATCH_LIMIT + 1}`),
    );
    if (found.length > WATCH_LIMIT) truncated = true;
    for (const r of found.slice(0, WATCH_LIMIT)) out.push({ ...r, itemType: t.itemType, openCaseId: null });
  }
  return { rows: out, truncated };
}

/** Unresolved blockers at their level since `cutoff` (a day, Asia/Shanghai) or before, the longest waiting first. */
export async function stuckBlockers(db: Executor, cutoff: string): Promise<{ rows: WatchBlockerRow[]; truncated: boolean }> {
  const statuses = sql.join(
    UNRESOLVED_BLOCKER_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const found = rowsOf<Omit<WatchBlockerRow, 'openCaseId' | 'levelSince'> & { levelSince: string | Date }>(
    await db.execute(sql`
      select b.id as "blockerId", b.title, b.unit_id as "unitId", u.name as "unitName", b.level, b.status, b.level_since as "levelSince"
        from blockers b left join org_units u on u.id = b.unit_id
       where b.status in (${statuses}) and (b.level_since at time zone 'Asia/Shanghai')::date <= ${cutoff}::date
       order by b.level_since, b.id
       limit ${WATCH_LIMIT + 1}`),
  );
  return {
    rows: found.slice(0, WATCH_LIMIT).map((r) => ({ ...r, levelSince: new Date(r.levelSince), openCaseId: null })),
    truncated: found.length > WATCH_LIMIT,
  };
}
