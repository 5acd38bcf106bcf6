import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { rule } from './ruleMessages.js';

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

/** A trimmed, non-empty display name. */
export const Name = z.string().trim().min(1).max(LIMITS.name);
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.code)
  .regex(/^[A-Za-z0-9_.-]+$/);
/**
 * An e-mail address: ASCII, no spaces or line breaks (nothing a mail header could be split on),
 * at most RFC 5321's 254 characters.
 */
export const Email = z.string().trim().max(LIMITS.email).regex(z.regexes.email, rule('email'));
/** Optimistic-lock counter, bounded like the PostgreSQL `integer` it is compared with: a larger one is bad input, not a database error. */
export const Version = z.number().int().min(0).max(2_147_483_647);

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(LIMITS.perPageMax).default(50),
  q: z.string().trim().max(LIMITS.name).optional(),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    unlocksAt: z.string().optional(),
  }),
});

export const OkBody = z.object({ ok: z.literal(true) });

export const PageInfo = z.object({ page: z.number(), perPage: z.number(), total: z.number() });

/** Wraps an item schema as `{ data, policies }`. */
export const itemResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: item, policies: z.record(z.string(), z.boolean()) });

/** Wraps an item schema as `{ data: [...], page, policies }`. */
export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), page: PageInfo, policies: z.record(z.string(), z.boolean()) });
