import type { RankedUnit } from '../../../domain/scoring/rank.js';
import type { Tx } from '../../db/client.js';
import { assessmentResults, assessmentResultUnits } from '../../db/schema/index.js';

type ResultValues = typeof assessmentResults.$inferInsert;
/** Rows per insert: a unit's breakdown can hold thousands of facts, so one statement stays a few MB. */
const CHUNK = 40;

/**
 * Writes a computed result and one row per unit (rank, total, grade, honour, the ranking's line and
 * the whole breakdown) in the caller's transaction: the frozen result and its units are one write.
 */
export async function storeResult(tx: Tx, values: ResultValues, units: readonly RankedUnit[]) {
  const [row] = await tx.insert(assessmentResults).values(values).returning({ id: assessmentResults.id, revision: assessmentResults.revision });
  const rows = units.map((u, i) => ({
    resultId: row!.id,
    unitId: u.unitId,
    position: i + 1,
    unitName: u.unitName,
    rank: u.rank,
    total: u.total,
    grade: u.grade,
    honour: u.honour,
    line: { indicators: u.indicators.map((x) => ({ kind: x.kind, points: x.points })), bonus: u.bonus, deduction: u.deduction },
    breakdown: u,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(assessmentResultUnits).values(rows.slice(i, i + CHUNK));
  return row!;
}
