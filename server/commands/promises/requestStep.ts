import type { RequestStatus } from '../../../domain/promises.js';
import { requestFlow, type RequestAction } from '../../../domain/workflows/responseRequest.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { responseRequests } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { RequestRow } from '../../models/promises.js';
import { responseRequestPolicy, type RequestSubject } from '../../policies/responseRequest.js';
import { findUnit } from '../../queries/org.js';
import { requestScope } from '../../queries/promises/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type StepEffects, type Workflow } from '../workflow/takeStep.js';

export const requestSubject = (r: RequestRow): RequestSubject => ({ status: r.status as RequestStatus, unitId: r.unitId });

/** The 403 names who must act: the unit's liaison or head to draft, its head to send. */
async function refusal(tx: Tx, r: RequestRow, action: RequestAction): Promise<AppError> {
  return new AppError(403, action === 'send' ? 'response_not_head' : 'response_not_unit', { unit: (await findUnit(tx, r.unitId))?.name ?? '—' });
}

const requestWorkflow: Workflow<RequestRow, RequestStatus, RequestAction, RequestSubject, RequestRow, Tx> = {
  entity: 'response_request',
  flow: requestFlow,
  done: { draft: 'drafted', send: 'answered' },
  status: (r) => r.status as RequestStatus,
  version: (r) => r.version,
  subject: (_tx, r) => requestSubject(r),
  may: (actor, subject, action) => responseRequestPolicy.row[action](actor, subject),
  invalid: (status, action) => new AppError(409, 'response_step_invalid', { status: `@request_status_${status}`, action: `@request_action_${action}` }),
  refusal: (tx, r, _s, action) => refusal(tx, r, action),
  // Only the unit's own requests are found (404 otherwise): the oversight role asks and reads elsewhere.
  writer: rowWriter(responseRequests, 'response_request', (_tx, actor) => requestScope(actor)),
};

export interface RequestStepOptions {
  version?: number | undefined;
  set: (r: RequestRow, now: Date, tx: Tx) => Partial<RequestRow> | Promise<Partial<RequestRow>>;
  note?: Record<string, unknown>;
  effects?: StepEffects<RequestRow, RequestRow>;
}

/** A step of a response request through takeStep: another unit's is 404, an answered one 409. */
export function takeRequestStep(ctx: Ctx, id: string, action: RequestAction, o: RequestStepOptions) {
  return takeStep(ctx, requestWorkflow, id, action, {
    version: o.version,
    set: (tx, r, now) => o.set(r, now, tx),
    ...(o.note ? { note: o.note } : {}),
    ...(o.effects ? { effects: o.effects } : {}),
  });
}
