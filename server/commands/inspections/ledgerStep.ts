import type { LedgerStatus, LedgerVerdict } from '../../../domain/ledger.js';
import { ledgerFlow, type LedgerAction } from '../../../domain/workflows/ledger.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { ledgerEntries } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { LedgerRow } from '../../models/inspections.js';
import { ledgerPolicy, type LedgerSubject } from '../../policies/ledger.js';
import { findUnit } from '../../queries/org.js';
import { ledgerScope } from '../../queries/inspections/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type StepEffects, type Workflow } from '../workflow/takeStep.js';

/** What the ledger policy's row tier looks at. */
export function ledgerSubject(e: LedgerRow): LedgerSubject {
  return { status: e.status as LedgerStatus, unitId: e.unitId, verdict: (e.verdict as LedgerVerdict | null) ?? null, rectifiedById: e.rectifiedById };
}

/** Whoever may take the step, named: the inspected unit, or an inspector other than the one who rectified. */
async function refusal(tx: Tx, e: LedgerRow, action: LedgerAction, userId: string | undefined): Promise<AppError> {
  const act = `@ledger_action_${action}`;
  if (action === 'acknowledge' || action === 'rectify') return new AppError(403, 'ledger_not_unit', { unit: (await findUnit(tx, e.unitId))?.name ?? '—', action: act });
  if (action === 'verify' && userId && userId === e.rectifiedById) return new AppError(403, 'ledger_verify_own');
  return new AppError(403, 'ledger_not_inspector', { action: act });
}

function ledgerWorkflow(ctx: Ctx): Workflow<LedgerRow, LedgerStatus, LedgerAction, LedgerSubject, LedgerRow, Tx> {
  return {
    entity: 'ledger',
    flow: ledgerFlow,
    done: { acknowledge: 'acknowledged', rectify: 'rectified', verify: 'verified', close: 'closed', reopen: 'reopened' },
    status: (e) => e.status as LedgerStatus,
    version: (e) => e.version,
    subject: (_tx, e) => ledgerSubject(e),
    may: (actor, subject, action) => ledgerPolicy.row[action](actor, subject),
    invalid: (status, action) => new AppError(409, 'ledger_step_invalid', { status: `@ledger_status_${status}`, action: `@ledger_action_${action}` }),
    // Closing is for what was found effective, whoever asks: 409 naming the verdict, before the actor.
    stateCheck: (e, action) =>
      action === 'close' && e.verdict !== 'effective' ? new AppError(409, 'ledger_close_not_effective', { verdict: `@ledger_verdict_${e.verdict ?? 'none'}` }) : undefined,
    refusal: (tx, e, _s, action) => refusal(tx, e, action, ctx.actor?.userId),
    writer: rowWriter(ledgerEntries, 'ledger', (tx, actor) => ledgerScope(tx, actor)),
  };
}

export interface LedgerStepOptions {
  version?: number | undefined;
  /** The step's own columns (who and when, what was said). */
  set: (e: LedgerRow, now: Date, tx: Tx) => Partial<LedgerRow> | Promise<Partial<LedgerRow>>;
  note?: Record<string, unknown>;
  effects?: StepEffects<LedgerRow, LedgerRow>;
}

/** A step of a ledger entry: out of scope is 404; the flow, the verdict and the unit decide who takes it. */
export function takeLedgerStep(ctx: Ctx, id: string, action: LedgerAction, o: LedgerStepOptions) {
  return takeStep(ctx, ledgerWorkflow(ctx), id, action, {
    version: o.version,
    set: (tx, e, now) => o.set(e, now, tx),
    ...(o.note ? { note: o.note } : {}),
    ...(o.effects ? { effects: o.effects } : {}),
  });
}
