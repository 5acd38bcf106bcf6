import { describe, expect, it } from 'vitest';
import { keepsAnswer, parseIdempotencyKey } from './idempotencyKey.js';

describe('idempotency keys', () => {
  it('takes 8–128 letters, digits, - and _ (a UUID), and nothing else', () => {
    expect(parseIdempotencyKey('3f1c0b9e-6d0a-4c2e-9a57-0c2a3b4d5e6f')).toBe('3f1c0b9e-6d0a-4c2e-9a57-0c2a3b4d5e6f');
    expect(parseIdempotencyKey('abc_DEF-')).toBe('abc_DEF-');
    expect(parseIdempotencyKey('a'.repeat(128))).toBe('a'.repeat(128));
    for (const bad of ['short-7', 'a'.repeat(129), 'has space1', '键键键键键键键键', 'abcdefgh\n', 'abcdefgh%00', '', 'abc.defgh']) expect(parseIdempotencyKey(bad), bad).toBeNull();
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey(['abcdefgh', 'abcdefgh'])).toBeNull();
  });

  it('keeps answers to repeat, except server faults (a retry after one runs again)', () => {
    expect([200, 201, 400, 403, 409, 422].every(keepsAnswer)).toBe(true);
    expect([500, 503].some(keepsAnswer)).toBe(false);
  });
});
