import { sql } from 'drizzle-orm';
import type { RankedUnit } from '../../../domain/scoring/rank.js';
import type { Tx } from '../../db/client.js';
import { assessmentResults } from '../../db/schema/index.js';

type ResultValues = typeof assessmentResults.$inferInsert;

/**
 * Writes a computed result and one row per unit (rank, total, grade, honour, the ranking's line and
 * the whole breakdown) in the caller's transaction: the frozen result and its units are one write.
 *
 * The unit rows go in one statement whose one large parameter is every row serialised once, as a
 * JSON array (~18 MB for a year of the bench district), split by json_to_recordset. Inserted through
 * the query builder, each breakdown was serialised on its own and then measured and copied into the
 * statement, ten parameters a row: about twice the Node time of this, on a year's scoring.
 */
export async function storeResult(tx: Tx, values: ResultValues, units: readonly RankedUnit[]) {
  const [row] = await tx.insert(assessmentResults).values(values).returning({ id: assessmentResults.id, revision: assessmentResults.revision });
  if (units.length === 0) return row!;
  const rows = JSON.stringify(
    units.map((u, i) => ({
      unit_id: u.unitId,
      position: i + 1,
      unit_name: u.unitName,
      rank: u.rank,
      total: u.total,
      grade: u.grade,
      honour: u.honour,
      line: { indicators: u.indicators.map((x) => ({ kind: x.kind, points: x.points })), bonus: u.bonus, deduction: u.deduction },
      breakdown: u,
    })),
  );
  await tx.execute(sql`
    insert into assessment_result_units (result_id, unit_id, position, unit_name, rank, total, grade, honour, line, breakdown)
    select ${row!.id}::uuid, unit_id, position, unit_name, rank, total, grade, honour, line, breakdown
      from json_to_recordset(${rows}::json)
        as u(unit_id uuid, position integer, unit_name text, rank integer, total numeric(7, 2), grade text, honour text, line jsonb, breakdown json)`);
  return row!;
}
