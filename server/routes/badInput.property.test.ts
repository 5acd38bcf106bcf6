import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { LoginBody } from '../../domain/schemas/auth.js';
import { auditCount } from '../audit.js';
import { send, snapshot } from '../testing/api.js';
import type { DatabaseKind } from '../testing/databases.js';
import { garbageFor, materialise, type BodyKind } from '../testing/garbage.js';
import { ALL_ROUTE_CALLS, ALL_WRITE_TARGETS } from '../testing/allRoutes.js';
import { harnessWithCalls } from '../testing/routeCalls.js';

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
const LOGIN = 'POST /api/auth/login';

/** A refusal in the house shape: 4xx, `{ error: { code, message } }`, and the fields for a validation error. */
function expectRefusal(res: LightMyRequestResponse, label: string) {
  const why = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode >= 400 && res.statusCode < 500, why).toBe(true);
  const error = (res.json() as { error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown> } }).error;
  expect(typeof error?.code, why).toBe('string');
  expect(typeof error?.message === 'string' && error.message.length > 0, why).toBe(true);
  if (error?.code === 'validation') {
    expect(Object.keys(error.fields ?? {}).length, why).toBeGreaterThan(0);
    for (const m of Object.values(error.fields ?? {})) expect(typeof m, why).toBe('string');
  }
}

/** Runs per endpoint: fresh random garbage on every run of the suite, so coverage grows over time. */
const RUNS: [DatabaseKind, number][] = [
  ['embedded', 30],
  ['postgres', 10],
];

describe.each(RUNS)('garbage in on %s', (kind, numRuns) => {
  const t = harnessWithCalls(kind);

  it('covers every write endpoint', () => {
    const writes = Object.keys(ALL_ROUTE_CALLS).filter((k) => !k.startsWith('GET '));
    expect([...ALL_WRITE_TARGETS.map((t) => t.key), LOGIN].sort()).toEqual(writes.sort());
  });

  it.each(ALL_WRITE_TARGETS)('$key refuses garbage with a 4xx and writes nothing', async ({ key, role, body }) => {
    const { req, session } = await ALL_ROUTE_CALLS[key]!(t.env, role);
    const before = await snapshot(t.h.db.database);
    const audit = before['audit records']!;
    await fc.assert(
      fc.asyncProperty(garbageFor(key.split(' ')[1]!, req, body), async (g) => {
        const res = await send(t.h.app, await materialise(g, req.method), session);
        // The preview only reads: a well-formed workbook of bad rows is answered with their errors.
        if (!(key.endsWith('/preview') && g.sheet && res.statusCode === 200)) expectRefusal(res, g.label);
        // Every command writes its audit record: a garbage request that got through would show here at once.
        const now = await auditCount(t.h.db.database.db);
        // Name what was written, should anything be: a CI run once failed here with nothing to go on.
        const written = now === audit ? '' : ` (${res.statusCode}; wrote ${JSON.stringify((await t.h.db.database.db.execute(sql`select action, entity, after from audit_log where id > ${audit} order by id`)) as unknown as { rows: unknown[] }).slice(0, 600)})`;
        expect(now, g.label + written).toBe(audit);
      }),
      { numRuns },
    );
    // And no row anywhere, audited or not.
    expect(await snapshot(t.h.db.database)).toEqual(before);
  });

  it(`${LOGIN}: garbage writes nothing; a well-formed unknown account writes one audit record`, async () => {
    const { req } = await ALL_ROUTE_CALLS[LOGIN]!(t.env, 'liaison');
    // Each run a name not tried before: five tries at one unknown name lock it from this address, as they would a real account (accountOracles.test).
    let tried = 0;
    const stranger = fc.record({
      account: fc
        .string({ minLength: 1, maxLength: 34 })
        .filter((s) => s.trim().length > 0 && !s.includes('\u0000') && !s.startsWith('t_'))
        .map((s) => `${s}~${tried++}`),
      password: fc.string({ minLength: 1, maxLength: 128 }).filter((s) => !s.includes('\u0000')),
    });
    const arb = fc.oneof(
      garbageFor('/api/auth/login', req, json(LoginBody)).map((g) => ({ garbage: g, stranger: null })),
      stranger.map((s) => ({ garbage: null, stranger: s })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ garbage, stranger: s }) => {
        const before = await snapshot(t.h.db.database);
        if (garbage) {
          expectRefusal(await send(t.h.app, await materialise(garbage, 'POST')), garbage.label);
          expect(await snapshot(t.h.db.database), garbage.label).toEqual(before);
        } else {
          const res = await send(t.h.app, { method: 'POST', url: '/api/auth/login', payload: s });
          expect(res.statusCode, res.body).toBe(401);
          expect(res.json().error.code).toBe('invalid_credentials');
          // A failed login is a security event: one audit record and the failure that counts towards the name's lock; the
          // attempt counters (rate_counters) are bookkeeping, which snapshot() leaves out.
          const after = await snapshot(t.h.db.database);
          expect(after).toEqual({
            ...before,
            audit_log: before.audit_log! + 1,
            'audit records': before['audit records']! + 1,
            login_failures: before.login_failures! + 1,
          });
        }
      }),
      { numRuns: numRuns * 2 },
    );
  });
});
