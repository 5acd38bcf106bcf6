import type { LedgerStatus, LedgerVerdict } from '../../domain/ledger.js';
import { stepRoles } from '../../domain/workflows/flow.js';
import { LEDGER_ACTIONS, ledgerFlow, type LedgerAction } from '../../domain/workflows/ledger.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { SEE_ALL_INSPECTIONS } from './inspection.js';
import { definePolicy, flowRoles, type RouteRule, type RowRule } from './policy.js';
import { holdsUnitRole } from './report.js';

export interface LedgerSubject {
  status: LedgerStatus;
  /** The inspected unit: its liaison or head acknowledges and rectifies. */
  unitId: string;
  verdict: LedgerVerdict | null;
  /** Who submitted the rectification: they may not verify it themselves. */
  rectifiedById: string | null;
}

const forUnit = (a: Actor | null, s: LedgerSubject) => holdsUnitRole(a, s.unitId, 'liaison', 'unit_head');
const inspects = (a: Actor | null) => hasRole(a, 'inspector');

/** Who may take each step on this row, beyond the flow allowing it from the row's state. */
const RULES: Record<LedgerAction, (a: Actor | null, s: LedgerSubject) => boolean> = {
  acknowledge: forUnit,
  rectify: forUnit,
  // The one who submitted the rectification does not judge it, whatever else they hold.
  verify: (a, s) => inspects(a) && !!a && a.userId !== s.rectifiedById,
  // Only what was found effective is closed; the rest is reopened for the unit.
  close: (a, s) => inspects(a) && s.verdict === 'effective',
  reopen: inspects,
};

const rowRule =
  (action: LedgerAction): RowRule<LedgerSubject> =>
  (a, s) =>
    stepRoles(ledgerFlow, s.status, action).some((r) => hasRole(a, r)) && RULES[action](a, s);

/**
 * 督查台账: inspectors record findings; the inspected unit acknowledges and rectifies; inspectors
 * verify, close or reopen. The program's overseers read every entry, a unit its own, a task force
 * those on its plans' items; the separated administrators none.
 */
export const ledgerPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_INSPECTIONS, 'liaison', 'unit_head', 'task_force'),
    create: (a) => hasRole(a, 'inspector'),
    ...(Object.fromEntries(LEDGER_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(ledgerFlow, action))])) as Record<LedgerAction, RouteRule>),
  },
  row: Object.fromEntries(LEDGER_ACTIONS.map((action) => [action, rowRule(action)])) as Record<LedgerAction, RowRule<LedgerSubject>>,
});
