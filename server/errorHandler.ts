import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { recordRefusal } from './accessLog.js';
import { AppError } from './errors.js';
import { RepeatedRequest, replay } from './idempotency/idempotencyKeys.js';
import { duplicate, uniqueViolationField } from './db/references.js';
import { fieldName, message, pickLang, word, type MessageCode } from './i18n.js';
import { findUnstorable } from '../domain/storableText.js';
import { issueMessage, unstorableMessage } from './validationMessages.js';
import type { Lang } from '../domain/enums.js';

function localiseParams(params: Record<string, string | number>, lang: Lang) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    // A message naming a field names it as the form does (编号, not code).
    out[k] = typeof v === 'string' && v.startsWith('@') ? word(v.slice(1), lang) : k === 'field' && typeof v === 'string' ? fieldName(v, lang) : v;
  }
  return out;
}

/** An error's message as the client reads it, its `@word` and field parameters in the reader's language. */
export const errorText = (code: MessageCode, params: Record<string, string | number>, lang: Lang) => message(code, lang, localiseParams(params, lang));

function send(reply: FastifyReply, lang: Lang, e: AppError) {
  const msg = errorText(e.code, e.params, lang);
  if (e.headers) reply.headers(e.headers);
  return reply.code(e.status).send({ error: { code: e.code, message: msg, ...(e.fields ? { fields: e.fields } : {}), ...(e.extra ?? {}) } });
}

function validationError(err: FastifyError & { validation?: unknown[]; validationContext?: string }, req: FastifyRequest, lang: Lang): AppError {
  const fields: Record<string, string> = {};
  const source = (err.validationContext === 'querystring' ? req.query : err.validationContext === 'params' ? req.params : req.body) as unknown;
  for (const v of (err.validation ?? []) as { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> }[]) {
    const path = (v.instancePath ?? '').split('/').filter(Boolean);
    const issue = { ...(v.params ?? {}), code: v.keyword } as Parameters<typeof issueMessage>[0];
    const received = path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), source);
    const names = v.keyword === 'unrecognized_keys' ? (issue.keys ?? []).map((k) => [...path, k].join('.')) : [path.join('.') || (err.validationContext ?? 'body')];
    // hasOwn, not ??=: a field named `constructor` or `toString` would find the prototype's and go unreported.
    for (const name of names) if (!Object.hasOwn(fields, name)) fields[name] = issueMessage(issue, lang, received, v.message);
  }
  const detail = Object.entries(fields)
    .map(([f, m]) => `${fieldName(f, lang)} ${m}`)
    .join('；');
  return new AppError(400, 'validation', { detail }, fields);
}

/** The database's own error in `err` or among its causes (a few levels deep at most), by its SQLSTATE. */
function databaseError(err: unknown): { code: string; detail?: unknown } | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string; detail?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** One place turns every failure into `{ error: { code, message, fields? } }` in the request's language. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  // No ctx yet when Fastify refuses a request before the hooks ran (a malformed URL).
  const lang = req.ctx?.lang ?? pickLang(req.cookies?.lang, req.headers['accept-language']);
  // A refusal is a security event: recorded (server/accessLog.ts) before it is answered.
  // A repeat of a keyed request whose form was read before its key's answer was found (server/idempotency/).
  if (err instanceof RepeatedRequest) return replay(reply, err.answer);
  if (err instanceof AppError) return err.status === 401 || err.status === 403 ? recordRefusal(req, err).then(() => send(reply, lang, err)) : send(reply, lang, err);
  if (hasZodFastifySchemaValidationErrors(err)) return send(reply, lang, validationError(err, req, lang));
  // Drizzle wraps the driver's error (DrizzleQueryError): PostgreSQL's code and detail are on its cause.
  const pg = databaseError(err);
  const pgCode = pg?.code;
  if (pgCode === '23505') {
    // A unique violation names its field, as the pre-checks do: "编号已存在：S1".
    const dup = uniqueViolationField(pg?.detail);
    return send(reply, lang, dup ? duplicate(dup.field, dup.value) : new AppError(409, 'duplicate', { field: '', value: '' }));
  }
  if (pgCode === '23503') return send(reply, lang, new AppError(422, 'reference_invalid', { field: '' }));
  // What the text guard let through and PostgreSQL still refused: a bad input, never a 500.
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22P02') return send(reply, lang, new AppError(400, 'validation', { detail: unstorableMessage(lang) }));
  const status = err.statusCode ?? 500;
  if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') return send(reply, lang, new AppError(413, 'payload_too_large'));
  if (status === 415) return send(reply, lang, new AppError(415, 'unsupported_media'));
  if (status >= 400 && status < 500) return send(reply, lang, new AppError(status, status === 429 ? 'rate_limited' : 'bad_request'));
  req.log.error({ err }, 'unhandled error');
  return send(reply, lang, new AppError(500, 'internal'));
}

/**
 * No text the system cannot store (NUL, control characters, lone surrogates, bidi controls) gets
 * past here, in any route's body (values and keys), query or path parameters: one such string
 * staged in the audit log once stopped every write. Refused as bad input naming the field.
 */
export function textGuard(req: FastifyRequest): void {
  const field = findUnstorable(req.body) ?? findUnstorable(req.query, 'query') ?? findUnstorable(req.params, 'params');
  if (field) {
    const lang = req.ctx?.lang ?? 'zh-CN';
    throw new AppError(400, 'validation', { detail: `${fieldName(field, lang)} ${unstorableMessage(lang)}` }, { [field]: unstorableMessage(lang) });
  }
}

/**
 * A body is UTF-8 or refused (415): a route that takes no body once ran with `application/json;
 * charset=utf-16` and "2" — parsed, ignored, and the approval it guarded went through on garbage.
 */
export function refuseOtherCharsets(req: FastifyRequest): void {
  const type = req.headers['content-type'];
  if (!type) return;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new AppError(415, 'unsupported_media');
}
