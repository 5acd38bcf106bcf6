import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_WINDOW_MS, keepsAnswer, parseIdempotencyKey } from '../../domain/idempotencyKey.js';
import type { App } from '../app.js';
import { now as clockNow } from '../clock.js';
import type { Database, Db } from '../db/client.js';
import { holdTransaction, type HeldTransaction } from '../db/heldTransaction.js';
import { claimKey, saveAnswer, type StoredAnswer } from '../db/idempotencyStore.js';
import { AppError } from '../errors.js';
import { message } from '../i18n.js';
import { formRequestHash, jsonRequestHash } from './requestHash.js';

/** A request that came with a key, on a route that honours it. */
interface KeyedRequest {
  key: string;
  userId: string;
  /** From the claim until the answer is stored: the transaction the whole request runs in. */
  held?: HeldTransaction;
  /** The database the request had before it ran in `held`. */
  base?: Database;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: KeyedRequest | null;
  }
}

/** Thrown where a form is read (server/uploads.ts) when its key already has an answer: the error handler sends that answer. */
export class RepeatedRequest extends Error {
  constructor(readonly answer: StoredAnswer) {
    super('repeated request');
  }
}

/**
 * `Idempotency-Key` (issue 24) on the routes whose config says `idempotent: true`. A request with
 * a key runs in one transaction, from the claim of its key (before the handler; for a multipart
 * form once the form is read) to its answer, which is stored in that transaction before it commits:
 * the write and its key are committed together or not at all. Inside, the commands' own
 * transactions are savepoints, and the audit records are linked after the commit, before the
 * answer goes. A repeat within 24 hours gets the stored status, content type and body, with
 * `Idempotent-Replayed: true`, and runs nothing; a repeat with another request under the same key
 * is 422. Answers of 5xx are not stored (the transaction is rolled back), so a retry runs.
 */
export function idempotencyKeys(app: App) {
  app.decorateRequest('idempotency', null);
  // Only the routes that honour a key carry its hooks: every other request pays nothing for them.
  app.addHook('onRoute', (route) => {
    if (!(route.config as { idempotent?: boolean } | undefined)?.idempotent) return;
    route.preHandler = [...asList(route.preHandler), claimBeforeHandler];
    route.onSend = [...asList(route.onSend), settle];
    route.onResponse = [...asList(route.onResponse), endHeldTransaction];
  });
}

const asList = <T>(hooks: T | T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

async function claimBeforeHandler(req: FastifyRequest, reply: FastifyReply) {
  const raw = req.headers['idempotency-key'];
  const actor = req.ctx.actor;
  if (raw === undefined || !actor) return;
  const key = parseIdempotencyKey(raw);
  if (!key) throw new AppError(400, 'idempotency_key_invalid', {}, { [IDEMPOTENCY_HEADER]: message('idempotency_key_invalid', req.ctx.lang) });
  req.idempotency = { key, userId: actor.userId };
  // A form is claimed once it is read (claimForm): its hash needs its files.
  if (req.isMultipart()) return;
  const answer = await claim(req, jsonRequestHash(req));
  if (answer) return replay(reply, answer);
}

/** Every path ends the transaction: onSend runs for every answer, this for one that never got there. */
async function endHeldTransaction(req: FastifyRequest) {
  const held = req.idempotency?.held;
  if (held && !held.ended) await held.rollback();
}

/**
 * The multipart form of a request with a key, once read: claims the key with the form's hash, or
 * throws the answer the key already has (RepeatedRequest). Nothing when the request has no key.
 */
export async function claimForm(req: FastifyRequest, form: Parameters<typeof formRequestHash>[1]): Promise<void> {
  if (!req.idempotency || req.idempotency.held) return;
  const answer = await claim(req, formRequestHash(req, form));
  if (answer) throw new RepeatedRequest(answer);
}

/** Sends a stored answer as it was first sent. */
export function replay(reply: FastifyReply, answer: StoredAnswer) {
  reply.code(answer.status).header('idempotent-replayed', 'true');
  if (answer.contentType) reply.header('content-type', answer.contentType);
  return reply.send(answer.body);
}

/** Takes the key in a new held transaction, in which the request then runs; or the key's answer, the transaction ended. */
async function claim(req: FastifyRequest, requestHash: string): Promise<StoredAnswer | null> {
  const k = req.idempotency!;
  const base = req.ctx.database;
  const held = await holdTransaction(base.db);
  let found: StoredAnswer | 'claimed';
  try {
    const now = clockNow();
    found = await claimKey(held.tx, { userId: k.userId, key: k.key, requestHash, now, expiredAt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) });
  } catch (e) {
    await held.rollback();
    throw e;
  }
  if (found === 'claimed') {
    k.held = held;
    k.base = base;
    // The handler's reads and the commands' transactions (savepoints now) all go through `held`;
    // the audit records are linked once it has committed (settle).
    req.ctx.database = { ...base, db: held.tx as unknown as Db, linkAudit: async () => {} };
    return null;
  }
  await held.rollback();
  if (found.requestHash !== requestHash) throw new AppError(422, 'idempotency_key_reused', {}, { [IDEMPOTENCY_HEADER]: message('idempotency_key_reused', req.ctx.lang) });
  return found;
}

/** Stores the answer and commits with it, or rolls back a 5xx; a 2xx whose commit failed becomes a 500 (nothing was written). */
async function settle(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const k = req.idempotency;
  const held = k?.held;
  if (!k || !held || held.ended) return payload;
  const base = k.base!;
  req.ctx.database = base;
  const status = reply.statusCode;
  const body = payload === undefined || payload === null ? '' : typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (!keepsAnswer(status) || body === null) {
    await held.rollback();
    if (body !== null) return payload;
    // A streamed answer cannot be kept: no route that honours keys sends one.
    req.log.error({ url: req.url }, 'idempotency: a streamed answer cannot be stored; the write was rolled back');
    return failed(req, reply);
  }
  try {
    const contentType = reply.getHeader('content-type');
    await saveAnswer(held.tx, { userId: k.userId, key: k.key, status, contentType: typeof contentType === 'string' ? contentType : null, body });
    await held.commit();
  } catch (err) {
    await held.rollback();
    // A refusal whose transaction broke (a failed statement outside a savepoint) is no fault of ours.
    req.log[status < 400 ? 'error' : 'warn']({ err }, 'idempotency: the write and its answer could not be committed');
    // A refusal stays the refusal (it wrote nothing to lose); a success that was not committed is not one.
    return status < 400 ? failed(req, reply) : payload;
  }
  await base.linkAudit();
  return payload;
}

function failed(req: FastifyRequest, reply: FastifyReply): string {
  reply.code(500).header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({ error: { code: 'internal', message: message('internal', req.ctx.lang) } });
}
