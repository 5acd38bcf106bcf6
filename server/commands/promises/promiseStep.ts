import type { PromiseStatus } from '../../../domain/promises.js';
import { promiseFlow, type PromiseAction } from '../../../domain/workflows/promise.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { promises } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { PromiseRow } from '../../models/promises.js';
import { promisePolicy, type PromiseSubject } from '../../policies/promise.js';
import { findUnit } from '../../queries/org.js';
import { promiseScope } from '../../queries/promises/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

export const promiseSubject = (p: PromiseRow): PromiseSubject => ({ status: p.status as PromiseStatus, unitId: p.unitId });

async function refusal(tx: Tx, p: PromiseRow, action: PromiseAction): Promise<AppError> {
  if (action === 'break') return new AppError(403, 'promise_not_oversight');
  return new AppError(403, 'promise_not_unit', { unit: (await findUnit(tx, p.unitId))?.name ?? '—' });
}

const promiseWorkflow: Workflow<PromiseRow, PromiseStatus, PromiseAction, PromiseSubject, PromiseRow, Tx> = {
  entity: 'promise',
  flow: promiseFlow,
  done: { keep: 'kept', break: 'broken' },
  status: (p) => p.status as PromiseStatus,
  version: (p) => p.version,
  subject: (_tx, p) => promiseSubject(p),
  may: (actor, subject, action) => promisePolicy.row[action](actor, subject),
  invalid: (status, action) => new AppError(409, 'promise_step_invalid', { status: `@promise_status_${status}`, action: `@promise_action_${action}` }),
  refusal: (tx, p, _s, action) => refusal(tx, p, action),
  writer: rowWriter(promises, 'promise', (_tx, actor) => promiseScope(actor)),
};

/** A step of a promise: kept by its unit, found broken by oversight; either ends it (a replay is 409). */
export function takePromiseStep(ctx: Ctx, id: string, action: PromiseAction, o: { version?: number | undefined; set: (p: PromiseRow, now: Date, tx: Tx) => Partial<PromiseRow> | Promise<Partial<PromiseRow>>; note?: Record<string, unknown> }) {
  return takeStep(ctx, promiseWorkflow, id, action, { version: o.version, set: (tx, p, now) => o.set(p, now, tx), ...(o.note ? { note: o.note } : {}) });
}
