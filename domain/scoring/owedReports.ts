import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import { periodRange, periodsOfYear, reportDueDate, type PeriodKind } from '../periods.js';
import type { DeadlineFact } from './facts.js';

/**
 * An item a unit must report on, period by period, as its workbench asks for it
 * (domain/workbenchRules.ts): a task share once claimed, from the task's start (or the claim, if
 * later) to its deadline or, once done, its last report; a project until it is in operation,
 * monthly; a target, by its own period.
 */
export interface ReportObligation {
  unitId: string;
  itemId: string;
  title: string;
  /** The item's report period; one the calendar does not know reads as monthly, as the workbench reads it. */
  kind: string;
  /** The first day the unit owed reports; null: as far back as the scored period goes. */
  from: IsoDate | null;
  /** The last day it did; null: still does. */
  until: IsoDate | null;
}

const KINDS: readonly PeriodKind[] = ['weekly', 'monthly', 'quarterly'];
const kindOf = (k: string): PeriodKind => (KINDS as readonly string[]).includes(k) ? (k as PeriodKind) : 'monthly';

/** The key of one unit's report on one item for one period: what `filed` holds. */
export const filedKey = (unitId: string, itemId: string, period: string): string => `${unitId}|${itemId}|${period}`;

/**
 * The reports owed and never filed (not even as a draft) whose due date falls in the scored range:
 * each a fact still owed, so the on-time rate counts it late up to the scoring day like any report
 * not submitted. Without them a unit that filed nothing for a period scored as if nothing were due.
 */
export function owedReports(obligations: readonly ReportObligation[], filed: ReadonlySet<string>, range: { start: IsoDate; end: IsoDate }, cal: WorkdayCalendar): { unitId: string; fact: DeadlineFact }[] {
  const firstYear = Number(range.start.slice(0, 4)) - 1;
  const lastYear = Number(range.end.slice(0, 4));
  const periodsOf = new Map<PeriodKind, { period: string; start: IsoDate; end: IsoDate; due: IsoDate }[]>();
  const periods = (kind: PeriodKind) => {
    let list = periodsOf.get(kind);
    if (!list) {
      list = [];
      for (let y = firstYear; y <= lastYear; y++)
        for (const period of periodsOfYear(y, kind)) {
          const due = reportDueDate(period, cal)!;
          if (due >= range.start && due <= range.end) list.push({ period, ...periodRange(period)!, due });
        }
      periodsOf.set(kind, list);
    }
    return list;
  };
  const owed: { unitId: string; fact: DeadlineFact }[] = [];
  for (const o of obligations)
    for (const p of periods(kindOf(o.kind))) {
      // A period counts if the item was owed for any of its days.
      if ((o.from !== null && p.end < o.from) || (o.until !== null && p.start > o.until)) continue;
      if (filed.has(filedKey(o.unitId, o.itemId, p.period))) continue;
      owed.push({ unitId: o.unitId, fact: { ref: o.itemId, title: o.title, detail: p.period, due: p.due, doneOn: null } });
    }
  return owed.sort((a, b) => (a.fact.due < b.fact.due ? -1 : a.fact.due > b.fact.due ? 1 : 0));
}
