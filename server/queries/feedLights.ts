import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { LIGHT_ITEMS_SHOWN, LIGHT_MOVE_RULES, LIGHT_MOVES, type LightItemType, type LightMove, type RegionLights } from '../../domain/feedLights.js';
import type { Light } from '../../domain/lights.js';
import type { Executor } from '../db/client.js';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Whether two rows were written by the same transaction: the same transaction id, and stamped by
 * the application's clock within a day of each other. Transaction ids start again in a new cluster
 * (a pg_dump restored into a fresh initdb), and the rows from before it would otherwise take the
 * changes of the transactions that reach their ids later; a transaction lasts far less than a day.
 */
export const sameTx = (a: { tx: SQL | PgColumn; at: SQL | PgColumn }, b: { tx: SQL | PgColumn; at: SQL | PgColumn }): SQL =>
  sql`${a.tx} = ${b.tx} and ${a.at} between ${b.at} - interval '1 day' and ${b.at} + interval '1 day'`;

/** An item whose light a transaction changed and changed back: it has no move, but the transaction changed a light. */
const UNCHANGED = 'unchanged';

/** The SQL twin of domain/feedLights.ts lightMoveOf, built from the same rules (UNCHANGED where it says null for no change). */
function moveSql(from: SQL, to: SQL): SQL {
  const whens = LIGHT_MOVE_RULES.map((r) => sql`when ${to} = ${r.to}${r.from ? sql` and ${from} in (${list(r.from)})` : sql``} then ${r.move}`);
  return sql`case when ${from} = ${to} then ${UNCHANGED} ${sql.join(whens, sql` `)} end`;
}
const moveRank = (move: SQL) => sql`array_position(array[${list(LIGHT_MOVES)}]::text[], ${move})`;

interface Row {
  event: string | number;
  region_id: string | null;
  first_id: string | number | null;
  move: LightMove | typeof UNCHANGED | null;
  n: number | null;
  item_type: LightItemType | null;
  item_id: string | null;
  from_light: Light | null;
  to_light: Light | null;
  code: string | null;
  title: string | null;
}

/** A feed record that shows its transaction's light changes. */
export interface TxOwner {
  id: number;
  tx: number;
  at: Date;
}

/**
 * The light changes of these records' transactions, per record and per region of the changed items
 * (an item's plan's program's region: the midnight run's one record changes every district's
 * lights, and each reader sees its regions' share, domain/feedLights.ts lightsIn), in one statement
 * whatever their number: per item its net change (its first light before, its last after: an item
 * a step turned yellow and back is not counted, but its record still has a share, as the kind
 * filter finds it), counted by move, and each region's worst few items (the moves' order, then the
 * others) with their code and title. A midnight run after a holiday changes hundreds of lights: only
 * the shown few are joined to their rows.
 */
export async function lightSummaries(db: Executor, owners: readonly TxOwner[]): Promise<Map<number, RegionLights[]>> {
  const found = new Map<number, RegionLights[]>();
  if (!owners.length) return found;
  const values = sql.join(owners.map((o) => sql`(${o.id}::bigint, ${o.tx}::bigint, ${o.at.toISOString()}::timestamptz)`), sql`, `);
  const res = await db.execute(sql`
    with owner(event, tx, at) as (values ${values}), changed as (
      select o.event, lc.item_type, lc.item_id, min(lc.id) as first_id,
             (array_agg(lc.from_light order by lc.id))[1] as from_light, (array_agg(lc.to_light order by lc.id desc))[1] as to_light
        from owner o join light_changes lc on ${sameTx({ tx: sql`lc.tx`, at: sql`lc.at` }, { tx: sql`o.tx`, at: sql`o.at` })}
       group by o.event, lc.item_type, lc.item_id
    ), net as (
      select changed.*, pr.region_id
        from changed
        left join tasks t on changed.item_type = 'task' and t.id = changed.item_id
        left join targets g on changed.item_type = 'target' and g.id = changed.item_id
        left join projects p on changed.item_type = 'project' and p.id = changed.item_id
        left join plans pl on pl.id = coalesce(t.plan_id, g.plan_id, p.plan_id)
        left join programs pr on pr.id = pl.program_id
    ), moved as (
      select net.*, ${moveSql(sql`from_light`, sql`to_light`)} as move from net
    ), shown as (
      select * from (select moved.*, row_number() over (partition by event, region_id order by ${moveRank(sql`move`)} nulls last, first_id) as rn from moved where move is distinct from ${UNCHANGED}) r
       where rn <= ${LIGHT_ITEMS_SHOWN}
    )
    select event, region_id, move, count(*)::int as n, null::bigint as first_id, null as item_type, null::uuid as item_id, null as from_light, null as to_light, null as code, null as title, 0 as rn
      from moved group by event, region_id, move
    union all
    select s.event, s.region_id, s.move, null, s.first_id, s.item_type, s.item_id, s.from_light, s.to_light, coalesce(t.code, g.code, p.code), coalesce(t.title, g.name, p.name), s.rn
      from shown s
      left join tasks t on s.item_type = 'task' and t.id = s.item_id
      left join targets g on s.item_type = 'target' and g.id = s.item_id
      left join projects p on s.item_type = 'project' and p.id = s.item_id
     order by event, region_id, rn`);
  for (const r of (res as unknown as { rows: Row[] }).rows) {
    const id = Number(r.event);
    const parts = found.get(id) ?? [];
    found.set(id, parts);
    let part = parts.find((p) => p.regionId === r.region_id);
    if (!part) parts.push((part = { regionId: r.region_id, counts: [], items: [] }));
    if (r.move === UNCHANGED) continue;
    if (r.n !== null) part.counts.push({ move: r.move, n: r.n });
    else if (r.item_type && r.item_id && r.from_light && r.to_light)
      part.items.push({ itemType: r.item_type, itemId: r.item_id, code: r.code, title: r.title, from: r.from_light, to: r.to_light, move: r.move ?? 'other', order: Number(r.first_id) });
  }
  return found;
}
