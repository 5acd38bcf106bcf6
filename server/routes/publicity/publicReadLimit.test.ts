import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { ROOMY_PUBLIC_LIMITS, startHarness, type Harness } from '../../testing/harness.js';

/** The public portal's reads are limited per address: a flood from one gets 429 in Chinese, others read on. */
describe.each(DATABASE_KINDS)('public portal reads per address on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { publicLimits: { ...ROOMY_PUBLIC_LIMITS, readPerAddressPerMinute: 3 } });
  });
  afterAll(async () => h?.close());

  const read = (url: string, remoteAddress: string) => h.app.inject({ url, remoteAddress, headers: { 'accept-language': 'zh-CN' } });

  it('lets an address read its share, then answers 429 with a zh-CN message and when to come back', async () => {
    const flood = '203.0.113.7';
    expect((await read('/api/public/portal', flood)).statusCode).toBe(200);
    expect((await read('/api/public/portal', flood)).statusCode).toBe(200);
    // An article counts as a read of the portal too (404 here: no such article).
    expect((await read(`/api/public/articles/${randomUUID()}`, flood)).statusCode).toBe(404);
    const refused = await read('/api/public/portal', flood);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await read(`/api/public/articles/${randomUUID()}`, flood)).statusCode).toBe(429);
    // Another address is not held back by the first.
    expect((await read('/api/public/portal', '198.51.100.20')).statusCode).toBe(200);
  });
});
