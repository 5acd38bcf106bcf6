import { wellFormedText } from './storableText.js';

/**
 * JSON with object keys sorted and undefined dropped, so the same value always gives the same text
 * (the audit chain hashes it, and PostgreSQL's jsonb does not keep key order). Always JSON that
 * PostgreSQL's json accepts: a lone surrogate or U+0000 in a string or key becomes U+FFFD.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

/** The value as it will read back from jsonb: Dates as ISO strings, undefined removed, keys sorted. */
export function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[wellFormedText(k)] = normalise(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'string') return wellFormedText(value);
  return value;
}
