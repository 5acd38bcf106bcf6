import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../../domain/workflows/flow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { auditPending, auditLog } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { mayStep } from '../../policies/policy.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.js';
import { rowWriter } from './lockedWriter.js';
import { takeStep, type Workflow } from './takeStep.js';

// What a new workflow takes, and what takeStep then does for it the same way as for plans, claims,
// reports and blockers. The example is the one docs/ARCHITECTURE.md walks through: a case is
// resolved by the HQ office, then verified by the unit that raised it, or reopened by that unit.

// 1. The states and who moves them (domain/workflows/<entity>.ts).
type CaseStatus = 'open' | 'resolved' | 'verified';
type CaseAction = 'resolve' | 'verify' | 'reopen';
const caseFlow: Flow<CaseStatus, CaseAction> = {
  open: { resolve: { to: 'resolved', by: ['hq_office'] } },
  resolved: { verify: { to: 'verified', by: ['liaison', 'unit_head'] }, reopen: { to: 'open', by: ['liaison', 'unit_head'] } },
};

// 2. The table (server/db/schema/), here a scratch one the test creates.
const cases = pgTable('probe_cases', {
  id: uuid('id').primaryKey(),
  unitId: text('unit_id').notNull(),
  status: text('status').notNull(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  reopenReason: text('reopen_reason'),
  version: integer('version').notNull(),
});
type CaseRow = typeof cases.$inferSelect;

// 3. The row tier of its policy (server/policies/<entity>.ts): unit roles count for the case's unit.
const mayStepCase = mayStep(caseFlow, (a, c: { status: CaseStatus; unitId: string }, role) =>
  !!a && a.roles.some((g) => g.role === role && (role === 'hq_office' || (g.unitId ?? a.unitId) === c.unitId)),
);

// 4. The workflow (server/commands/<area>/<entity>Step.ts).
const caseWorkflow: Workflow<CaseRow, CaseStatus, CaseAction, { status: CaseStatus; unitId: string }, CaseRow, Tx> = {
  entity: 'case',
  flow: caseFlow,
  done: { resolve: 'resolved', verify: 'verified', reopen: 'reopened' },
  status: (c) => c.status as CaseStatus,
  version: (c) => c.version,
  subject: (_tx, c) => ({ status: c.status as CaseStatus, unitId: c.unitId }),
  may: mayStepCase,
  // A real workflow words its own refusal in server/messages/ (the code is typed: a typo does not compile).
  invalid: (status, action) => new AppError(409, 'plan_step_invalid', { status, action }),
  writer: rowWriter(cases, 'case', (_tx, actor) => (actor.roles.some((g) => g.role === 'oversight') ? sql`false` : undefined)),
};

// 5. One command per step.
const resolveCase = (ctx: Ctx, id: string, version?: number) => takeStep(ctx, caseWorkflow, id, 'resolve', { version, set: (_tx, _c, now) => ({ resolvedAt: now }) });
const verifyCase = (ctx: Ctx, id: string) => takeStep(ctx, caseWorkflow, id, 'verify');
const reopenCase = (ctx: Ctx, id: string, reason: string, fail = false) =>
  takeStep(ctx, caseWorkflow, id, 'reopen', {
    set: () => ({ reopenReason: reason, resolvedAt: null }),
    note: { reason },
    effects: async () => {
      if (fail) throw new Error('an effect failed');
    },
  });

describe.each(DATABASE_KINDS)('a workflow declared in a few lines, stepped by takeStep, on %s', (kind) => {
  let t: TestDatabase;
  const actor = (role: string, unitId = 'U1'): Actor => ({ userId: randomUUID(), account: role, unitId, roles: [{ role, unitId: null, bodyId: null }] }) as Actor;
  const ctxOf = (a: Actor | null): Ctx => ({ database: t.database, actor: a, ip: '127.0.0.1', requestId: randomUUID(), lang: 'zh-CN', sessionId: null });
  const hq = () => ctxOf(actor('hq_office', 'HQ'));
  const raiser = () => ctxOf(actor('liaison', 'U1'));
  const newCase = async () => {
    const id = randomUUID();
    await t.database.db.insert(cases).values({ id, unitId: 'U1', status: 'open', version: 0 });
    return id;
  };
  const auditOf = async (id: string) => {
    const linked = await t.database.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    const pending = await t.database.db.select({ seq: auditPending.seq }).from(auditPending);
    return { linked, pending };
  };
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    return { status: (e as AppError).status, code: (e as AppError).code };
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.database.db.execute(
      sql`create table probe_cases (id uuid primary key, unit_id text not null, status text not null, resolved_at timestamptz, reopen_reason text, version integer not null)`,
    );
  });
  afterAll(async () => t?.drop());

  it('moves a case through its flow, one audit record per step, linked into the chain before answering', async () => {
    const id = await newCase();
    expect(await resolveCase(hq(), id, 0)).toMatchObject({ status: 'resolved', version: 1 });
    expect(await reopenCase(raiser(), id, '问题仍未解决')).toMatchObject({ status: 'open', reopenReason: '问题仍未解决', resolvedAt: null, version: 2 });
    await resolveCase(hq(), id);
    expect(await verifyCase(raiser(), id)).toMatchObject({ status: 'verified', version: 4 });
    const { linked, pending } = await auditOf(id);
    expect(linked.map((r) => r.action)).toEqual(['case.resolved', 'case.reopened', 'case.resolved', 'case.verified']);
    expect(linked[1]!.after).toMatchObject({ status: 'open', reason: '问题仍未解决' });
    expect(pending).toEqual([]);
  });

  it('refuses as every workflow does: unseen 404, stale 409, out-of-flow 409, wrong actor 403, nobody 401', async () => {
    const id = await newCase();
    expect(await refusal(resolveCase(ctxOf(actor('oversight')), id))).toEqual({ status: 404, code: 'not_found' });
    expect(await refusal(resolveCase(hq(), randomUUID()))).toEqual({ status: 404, code: 'not_found' });
    expect(await refusal(resolveCase(hq(), id, 7))).toEqual({ status: 409, code: 'version_conflict' });
    expect(await refusal(verifyCase(raiser(), id))).toEqual({ status: 409, code: 'plan_step_invalid' });
    expect(await refusal(resolveCase(raiser(), id))).toEqual({ status: 403, code: 'forbidden' });
    await resolveCase(hq(), id);
    // Another unit's liaison may not verify what U1 raised.
    expect(await refusal(verifyCase(ctxOf(actor('liaison', 'U2')), id))).toEqual({ status: 403, code: 'forbidden' });
    expect(await refusal(verifyCase(ctxOf(null), id))).toEqual({ status: 401, code: 'unauthenticated' });
    expect((await auditOf(id)).linked.map((r) => r.action)).toEqual(['case.resolved']);
  });

  it('writes nothing when an effect of the step fails: the row, its audit record and the effect are one transaction', async () => {
    const id = await newCase();
    await resolveCase(hq(), id);
    await expect(reopenCase(raiser(), id, '再议', true)).rejects.toThrow('an effect failed');
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, id));
    expect(row).toMatchObject({ status: 'resolved', version: 1, reopenReason: null });
    expect((await auditOf(id)).linked.map((r) => r.action)).toEqual(['case.resolved']);
  });

  it('lets one of two concurrent steps from the same state through, and refuses the other', async () => {
    const id = await newCase();
    await resolveCase(hq(), id);
    const results = await Promise.allSettled([verifyCase(raiser(), id), reopenCase(raiser(), id, '并发')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).status).toBe(409);
    expect((await auditOf(id)).linked).toHaveLength(2);
  });
});
