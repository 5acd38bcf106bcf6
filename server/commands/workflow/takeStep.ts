import { nextState, type Flow } from '../../../domain/workflows/flow.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Actor, type Ctx } from '../../context.js';
import type { Executor, Tx } from '../../db/client.js';
import { AppError, forbidden, notFound, unauthenticated, versionConflict } from '../../errors.js';

/** A step decided on the row as read: what the writer persists and audits. */
export interface DecidedStep<Found, St extends string, A extends string> {
  found: Found;
  action: A;
  from: St;
  to: St;
  /** Columns this step sets besides the state and the version (timestamps, reasons, who). */
  set: Record<string, unknown>;
  /** The audit record's action, `<entity>.<done>` (plan.submitted, task.claim_approved, …). */
  auditAction: string;
  /** Added to the audit record's `after`: what the step said that the row does not keep. */
  note: Record<string, unknown>;
  now: Date;
}

/**
 * How a workflow's rows are read and written. A locked writer reads the row under a lock and writes
 * in that same transaction; an optimistic one reads without a lock and writes only if the row still
 * has the version the step was decided on (null: another writer moved it on, decide again).
 */
export interface StepWriter<Found, St extends string, A extends string, Result, E extends Executor, Key = string> {
  locked: E extends Tx ? true : false;
  /** The row as this actor may see it (undefined: 404, no hint that it exists). */
  load(db: E, ctx: Ctx & { actor: Actor }, key: Key, action: A): Promise<Found | undefined>;
  write(db: E, ctx: Ctx & { actor: Actor }, step: DecidedStep<Found, St, A>, effects: StepEffects<Found, Result> | undefined): Promise<Result | null>;
}

/** What else a step changes in the same transaction, once the row has moved on. */
export type StepEffects<Found, Result> = (tx: Tx, found: Found, after: Result) => Promise<void>;

/**
 * One workflow, declared once: its state machine, who may take a step on a given row, what the
 * refusals say, and how its rows are stored. `takeStep` does the rest the same way for all.
 */
export interface Workflow<Found, St extends string, A extends string, Subject, Result, E extends Executor, Key = string> {
  /** Audit entity and 404 name. */
  entity: string;
  flow: Flow<St, A>;
  /** Past tense of each action for the audit record: `${entity}.${done[action]}`. */
  done: Record<A, string>;
  status(found: Found): St;
  version(found: Found): number;
  /** What the policy's row tier looks at. */
  subject(db: E, found: Found): Subject | Promise<Subject>;
  /** The policy's row rule for the step. */
  may(actor: Actor, subject: Subject, action: A): boolean;
  /** 409: the flow does not allow this action from this state. */
  invalid(from: St, action: A): AppError;
  /** A rule of the row's state beyond the flow that forbids the step for anyone (checked before the actor). */
  stateCheck?(found: Found, action: A): AppError | undefined;
  /** 403 saying who must take the step (default: a plain 403). */
  refusal?(db: E, found: Found, subject: Subject, action: A): AppError | Promise<AppError>;
  /** A fact elsewhere that holds the step back even for the right actor (checked after the actor). */
  factCheck?(found: Found, action: A): AppError | undefined;
  writer: StepWriter<Found, St, A, Result, E, Key>;
}

export interface StepInput<Found, Result, E extends Executor> {
  /** The version the client saw; without it the step is decided on the row as it is now. */
  version?: number | undefined;
  /** The step's own columns (may write in a locked writer's transaction, e.g. a new plan version). */
  set?: (db: E, found: Found, now: Date) => Record<string, unknown> | Promise<Record<string, unknown>>;
  note?: Record<string, unknown>;
  /** This step's own rule of the row's state (e.g. the level an instruction may send a blocker to). */
  check?: (found: Found) => AppError | undefined;
  effects?: StepEffects<Found, Result>;
}

/** Times an optimistic step is decided again when another writer moved the row on in between. */
const ATTEMPTS = 3;

/**
 * One step of any workflow, in one transaction: read the row (404 outside the actor's scope),
 * check the version (409), the flow (409 naming the state and the step), the row's state, the
 * actor's right for this row (403 naming who must act), the facts it depends on, then move the row,
 * apply the step's effects and write one audit record.
 */
export async function takeStep<Found, St extends string, A extends string, Subject, Result, E extends Executor, Key>(
  ctx: Ctx,
  wf: Workflow<Found, St, A, Subject, Result, E, Key>,
  key: Key,
  action: A,
  input: StepInput<Found, Result, E> = {},
): Promise<Result> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const acting = ctx as Ctx & { actor: Actor };
  const attempt = async (db: E): Promise<Result | null> => {
    const found = await wf.writer.load(db, acting, key, action);
    if (!found) throw notFound(wf.entity);
    if (input.version !== undefined && input.version !== wf.version(found)) throw versionConflict();
    const from = wf.status(found);
    const to = nextState(wf.flow, from, action);
    if (!to) throw wf.invalid(from, action);
    const stateRefusal = wf.stateCheck?.(found, action) ?? input.check?.(found);
    if (stateRefusal) throw stateRefusal;
    const subject = await wf.subject(db, found);
    if (!wf.may(actor, subject, action)) throw wf.refusal ? await wf.refusal(db, found, subject, action) : forbidden();
    const factRefusal = wf.factCheck?.(found, action);
    if (factRefusal) throw factRefusal;
    const now = clockNow();
    const set = (await input.set?.(db, found, now)) ?? {};
    const step = { found, action, from, to, set, auditAction: `${wf.entity}.${wf.done[action]}`, note: input.note ?? {}, now };
    return wf.writer.write(db, acting, step, input.effects);
  };
  if (wf.writer.locked) {
    const result = await inTx(ctx, (tx) => attempt(tx as E));
    if (result === null) throw versionConflict();
    return result;
  }
  for (let n = 1; ; n++) {
    const result = await attempt(ctx.database.db as E);
    if (result !== null) return result;
    if (input.version !== undefined || n >= ATTEMPTS) throw versionConflict();
  }
}
