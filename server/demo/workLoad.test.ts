import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIGHTS } from '../../domain/lights.js';
import { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import { auditLog, projects, targets, tasks } from '../db/schema/index.js';
import { verifyAuditChain } from '../audit.js';
import { loginAs, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { loadDemoIfEmpty } from './index.js';
import { DEMO_UNITS } from './org.js';
import { buildTasks } from './workBuildTasks.js';
import { DemoRandom } from './workRandom.js';
import { demoRefs } from './workRefs.js';
import { demoClock } from './workSchedule.js';
import { DEMO_TASKS } from './workTasks.js';

const PASSWORD = 'Demo-Password-2026';

describe('the demo district, loaded into a fresh embedded database', () => {
  let h: Harness;
  let loadMs = 0;
  const as = async (account: string): Promise<Session> => loginAs(h.app, { account, password: PASSWORD, totpSecret: null });
  const get = async (s: Session, url: string) => {
    const res = await h.app.inject({ url, headers: s.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    h = await startHarness('embedded');
    const t0 = Date.now();
    expect(await loadDemoIfEmpty(h.db.database, PASSWORD)).not.toBeNull();
    loadMs = Date.now() - t0;
  }, 60_000);
  afterAll(async () => h?.close());

  it('loads in a few seconds, once', async () => {
    expect(loadMs).toBeLessThan(20_000);
    expect(await loadDemoIfEmpty(h.db.database, PASSWORD)).toBeNull();
  });

  it('has the 1+6 plans and the four mechanism plans, each special plan with its task force', async () => {
    const plans = (await get(await as('hq_office'), '/api/plans?perPage=50')).data as { kind: string; code: string; taskForceName: string | null; status: string }[];
    const kinds = (k: string) => plans.filter((p) => p.kind === k);
    expect(kinds('overall')).toHaveLength(1);
    expect(kinds('special')).toHaveLength(6);
    expect(kinds('mechanism').map((p) => p.code).sort()).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(kinds('special').every((p) => p.taskForceName?.endsWith('专项推进组'))).toBe(true);
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['published', 'approved', 'under_review']));
  });

  it('gives the 建设街道 liaison something in every bucket of the unit workbench', async () => {
    const wb = (await get(await as('liaison'), '/api/workbench/unit')).data;
    expect(wb.counts.toClaim, 'to claim').toBeGreaterThan(0);
    expect(wb.counts.toReport, 'to report').toBeGreaterThan(0);
    expect(wb.counts.returned, 'returned').toBeGreaterThan(0);
    expect(wb.counts.dueSoon, 'due soon').toBeGreaterThan(0);
    expect(wb.counts.overdue, 'overdue').toBeGreaterThan(0);
    expect(wb.returned[0].returnReason).toMatch(/\S/);
  });

  it('leaves reports to review for the industry task force and reports to accept for the HQ office', async () => {
    expect((await get(await as('task_force'), '/api/workbench/task-force')).data.counts.toReview).toBeGreaterThan(0);
    expect((await get(await as('hq_office'), '/api/workbench/hq')).data.counts.toAccept).toBeGreaterThan(0);
  });

  it('computes red, yellow and green lights for tasks, targets and projects, each with its reasons', async () => {
    const db = h.db.database.db;
    for (const table of [tasks, targets, projects]) {
      const rows = await db.select({ light: table.light, reasons: table.lightReasons }).from(table);
      for (const colour of ['red', 'yellow', 'green'] as const) expect(rows.some((r) => r.light === colour), colour).toBe(true);
      expect(rows.every((r) => LIGHTS.includes(r.light as never) && Array.isArray(r.reasons) && r.reasons.length > 0)).toBe(true);
    }
    const red = (await get(await as('hq_office'), '/api/tasks?light=red&perPage=5')).data as { lightReasons: { level: string; text: string }[] }[];
    expect(red.length).toBeGreaterThan(0);
    for (const t of red) expect(t.lightReasons.some((r) => r.level === 'red' && r.text.length > 0)).toBe(true);
  });

  it('rolls lights up per task force for the HQ office', async () => {
    const rows = (await get(await as('hq_office'), '/api/lights/rollup?by=taskForce')).data as { code: string; light: string; counts: Record<string, number> }[];
    expect(rows.map((r) => r.code).sort()).toEqual(['tf_central_local', 'tf_chem', 'tf_ecology', 'tf_health', 'tf_industry', 'tf_rural']);
    for (const r of rows) expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('keeps the audit chain intact, with one record for the whole load', async () => {
    expect((await verifyAuditChain(h.db.database.db)).intact).toBe(true);
    const loaded = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.demo_loaded'));
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.after).toMatchObject({ plans: 11, targets: expect.any(Number), tasks: expect.any(Number), reports: expect.any(Number) });
  });
});

describe('the demo work builders', () => {
  it('are deterministic for a load date', () => {
    const ids = (prefix: string, codes: string[]) => new Map(codes.map((c) => [c, `${prefix}-${c}`]));
    const refs = demoRefs({
      units: ids('u', DEMO_UNITS.map((u) => u.code)),
      users: new Map([['liaison', 'user-liaison']]),
      plans: ids('p', DEMO_TASKS.map((t) => t.plan)),
      areas: ids('a', ['industry', 'rural', 'petrochem', 'ecology', 'central_local', 'health', 'reform']),
      planTaskForce: new Map(),
    });
    const clock = demoClock('2026-11-28', new WorkdayCalendar());
    const once = buildTasks(DEMO_TASKS, refs, clock, new DemoRandom(7));
    const again = buildTasks(DEMO_TASKS, refs, clock, new DemoRandom(7));
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    expect(once.tasks.length).toBeGreaterThan(100);
    expect(Math.max(...once.tasks.map((t) => t.depth!))).toBe(2);
  });
});
