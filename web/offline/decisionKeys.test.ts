import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/idempotencyKey.js';
import { decisionKeys } from './decisionKeys.js';
import { transientFailure } from './outboxState.js';

describe('decision keys', () => {
  it('gives a retried decision its first key, and another decision a new one', () => {
    const k = decisionKeys();
    const approve = { reportId: 'r1', action: 'approve' as const, version: 3 };
    const first = k.keyOf(approve);
    expect(first).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(k.keyOf({ ...approve })).toBe(first);
    // The report moved on (new version), another report, another step: each a new request.
    expect(k.keyOf({ ...approve, version: 4 })).not.toBe(first);
    expect(k.keyOf({ ...approve, reportId: 'r2' })).not.toBe(first);
    const ret = { reportId: 'r1', action: 'return' as const, version: 3, reason: '数据口径不对' };
    expect(k.keyOf(ret)).not.toBe(first);
    expect(k.keyOf({ ...ret })).toBe(k.keyOf(ret));
    // Another reason is another request body: the server would refuse the old key for it.
    expect(k.keyOf({ ...ret, reason: '请补充现场照片' })).not.toBe(k.keyOf(ret));
  });

  it('retries only what had no answer or a failing server; a refusal is the answer', () => {
    for (const s of [0, 408, 429, 500, 503]) expect(transientFailure(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 422]) expect(transientFailure(s)).toBe(false);
  });
});
