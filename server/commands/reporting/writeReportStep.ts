import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { prepareStatement } from '../../db/prepared.js';
import { auditPending, reports, reportSteps } from '../../db/schema/index.js';
import type { ReportRow } from '../../queries/reporting/reports.js';

export interface StepWrite {
  id: string;
  /** The version the step was decided on: the write happens only if the report is still there. */
  version: number;
  set: Partial<ReportRow>;
  step: Omit<typeof reportSteps.$inferInsert, 'id' | 'reportId'>;
  audit: typeof auditPending.$inferInsert;
  /**
   * The step changes its item's facts and light (approval, acceptance): every unit the item is
   * shown to is added to the audit record's scopes (audit_item_scopes, migration 0039), in the
   * same statement. Without it the scopes are the record's own (the report's unit).
   */
  itemScope?: boolean;
}

interface Field {
  column: PgColumn;
  /** The placeholder's name in the statement. */
  key: string;
  /** The value as the driver takes it (dates as ISO text, JSON as text). */
  value: unknown;
}

function fields(prefix: string, table: PgTable, values: Record<string, unknown>): Field[] {
  const cols: Record<string, PgColumn> = getTableColumns(table);
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const column = cols[k];
      if (!column) throw new Error(`${k} is not a column of ${prefix}`);
      return { column, key: `${prefix}_${k}`, value: v === null ? null : column.mapToDriverValue(v) };
    });
}

const list = (parts: SQL[]) => sql.join(parts, sql`, `);
const name = (f: Field) => sql`${sql.identifier(f.column.name)}`;
// Cast: a parameter in INSERT … SELECT has no column to take its type from.
const value = (f: Field) => sql`${sql.placeholder(f.key)}::${sql.raw(f.column.getSQLType())}`;

/** The statement for one set of columns (one per kind of step), with placeholders for every value. */
function statement(set: Field[], step: Field[], audit: Field[], itemScope: boolean): SQL {
  const auditValue = (f: Field) =>
    itemScope && f.column === auditPending.scopes
      ? sql`array_cat(coalesce(${value(f)}, '{}'), audit_item_scopes(array[saved.item_type], array[saved.item_id]))`
      : value(f);
  return sql`
    with saved as (
      update ${reports} set ${list(set.map((f) => sql`${name(f)} = ${value(f)}`))}
       where ${reports.id} = ${sql.placeholder('id')}::uuid and ${reports.version} = ${sql.placeholder('version')}::integer returning ${reports.id}, ${reports.itemType}, ${reports.itemId}
    ), audit as (
      insert into ${auditPending} (${list(audit.map(name))}) select ${list(audit.map(auditValue))} from saved
    )
    insert into ${reportSteps} (report_id, ${list(step.map(name))}) select saved.id, ${list(step.map(value))} from saved returning id`;
}

/**
 * A workflow step as one statement, which is its own transaction: the report moves on, its timed
 * step and its audit record are inserted, all or nothing, and only if the report still has the
 * version the step was decided on (another writer in between leaves it untouched). One round trip
 * instead of seven, and prepared: under 100 concurrent clients the trips and the building of the
 * SQL, not the work, were the cost.
 * Returns the new step's id, or null when the report had moved on.
 */
export async function writeReportStep(db: Executor, w: StepWrite): Promise<number | null> {
  const set = fields('set', reports, w.set);
  const step = fields('step', reportSteps, w.step);
  const audit = fields('audit', auditPending, w.audit);
  const values: Record<string, unknown> = { id: w.id, version: w.version };
  for (const f of [...set, ...step, ...audit]) values[f.key] = f.value;
  const itemScope = !!w.itemScope && audit.some((f) => f.column === auditPending.scopes);
  const shape = [set, step, audit].map((fs) => fs.map((f) => f.key).join(',')).join('|') + (itemScope ? '|items' : '');
  const result = await prepareStatement(db, `report_step:${shape}`, () => statement(set, step, audit, itemScope)).execute(values);
  const row = result.rows[0] as { id: string | number } | undefined;
  return row ? Number(row.id) : null;
}
