import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIGHTS } from '../domain/lights.js';
import { WorkdayCalendar } from '../domain/calendar/workdays.js';
import { auditLog, evidence, evidenceUploads, projects, reportEvidence, reports, targets, tasks, users } from '../server/db/schema/index.js';
import { verifyAuditChain } from '../server/audit.js';
import { evidenceMime } from '../server/commands/reporting/evidenceType.js';
import { loginAs, type Session } from '../server/testing/factories.js';
import { startHarness, type Harness } from '../server/testing/harness.js';
import { loadDemoIfEmpty } from './index.js';
import { runReminders } from '../server/jobs/reminderJob.js';
import { ledgerDemoChecks } from './workLedgerChecks.js';
import { DEMO_UNITS } from './org.js';
import { buildTasks } from './workBuildTasks.js';
import { DemoRandom } from './workRandom.js';
import { buildEvidence, periodLabel } from './workEvidence.js';
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

  // The ledger, oversight, complaint and bulletin checks on this same load, before any test writes.
  ledgerDemoChecks(() => h, PASSWORD);

  it('publishes articles of every kind and last month’s 简报 on the public portal, and keeps the draft and the one in review off it (issue 23)', async () => {
    const portal = (await h.app.inject({ url: '/api/public/portal' })).json().data;
    expect(new Set(portal.articles.map((a: { kind: string }) => a.kind))).toEqual(new Set(['news', 'briefing', 'experience', 'policy']));
    expect(portal.areas.length).toBeGreaterThan(0);
    // The assessment's published quarter, both categories, with its 红黑榜 (server/queries/publicity/publishedRankings.ts).
    expect(portal.rankings.map((r: { category: string }) => r.category).sort()).toEqual(['区直部门', '街道（镇）']);
    const towns = portal.rankings.find((r: { category: string }) => r.category === '街道（镇）');
    expect(towns.rows[0]).toMatchObject({ rank: 1, grade: expect.stringMatching(/^(优秀|良好|一般|较差)$/) });
    expect(towns.rows.map((x: { mark: string | null }) => x.mark)).toEqual(expect.arrayContaining(['red', 'black']));
    expect(JSON.stringify(portal.rankings)).not.toMatch(/facts|indicators|liaison/);
    const unpublished = (await get(await as('publicist'), '/api/articles?perPage=50')).data.filter((a: { status: string }) => a.status !== 'published');
    expect(unpublished.map((a: { status: string }) => a.status).sort()).toEqual(['draft', 'review']);
    for (const a of unpublished) expect((await h.app.inject({ url: `/api/public/articles/${a.id}` })).statusCode).toBe(404);

    // Last month's 简报 reports the demo's own facts of that month, none of its figures 0.
    const briefing = portal.articles.find((a: { kind: string }) => a.kind === 'briefing');
    const [reportsAccepted, milestones, blockers] = (/^(\d+)份报送审核通过，(\d+)个节点完成，(\d+)个堵点解决$/.exec(briefing.excerpt) ?? []).slice(1).map(Number);
    expect(reportsAccepted, briefing.excerpt).toBeGreaterThan(0);
    expect(milestones, briefing.excerpt).toBeGreaterThan(0);
    expect(blockers, briefing.excerpt).toBeGreaterThan(0);
    const content = (await h.app.inject({ url: `/api/public/articles/${briefing.id}` })).json().data.content as string;
    expect(content).toContain('生态缓冲带建设');
    // Published the workday after the quarter's result: its ranking is in it.
    expect(content).not.toContain('暂无已发布的考核排名');
    expect(content).toContain('建设街道');
  });

  it('has a published quarter of both assessment schemes, every unit explained, and the 建设街道 appeal waiting (issue 23)', async () => {
    const assessor = await as('assessor');
    const schemes = (await get(assessor, '/api/assessments')).data;
    expect(schemes.map((s: { category: string }) => s.category).sort()).toEqual(['departments', 'streets_towns']);
    const towns = schemes.find((s: { category: string }) => s.category === 'streets_towns');
    const result = (await get(assessor, `/api/assessments/results/${towns.results[0].id}`)).data;
    expect(result.status).toBe('published');
    const ranked = result.units.filter((u: { rank: number | null }) => u.rank !== null);
    expect(ranked.length).toBeGreaterThan(3);
    expect(ranked.map((u: { honour: string | null }) => u.honour)).toContain('red');
    expect(ranked.map((u: { honour: string | null }) => u.honour)).toContain('black');
    const appeals = (await get(assessor, '/api/assessments/appeals?status=open')).data;
    expect(appeals).toEqual([expect.objectContaining({ unitName: '建设街道', indicator: 'reporting_on_time' })]);
    const mine = (await get(await as('liaison'), '/api/assessments/mine')).data;
    expect(mine).toHaveLength(1);
    const breakdown = (await get(await as('liaison'), `/api/assessments/results/${mine[0].resultId}/units/${mine[0].unitId}`)).data;
    expect(breakdown.indicators.some((i: { facts: unknown[] }) => i.facts.length > 0)).toBe(true);
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

  it('puts reminders in the 建设街道 liaison’s inbox on the first day, and marks the day’s run done', async () => {
    const liaison = await as('liaison');
    expect((await get(liaison, '/api/inbox/unread')).data.unread).toBeGreaterThan(0);
    const digest = (await get(liaison, '/api/inbox?perPage=50')).data.find((m: { kind: string }) => m.kind === 'digest');
    expect(digest.items.length).toBeGreaterThan(0);
    expect(digest.title).toMatch(/^今日提醒 \d+ 项：/);
    expect((await runReminders(h.db.database)).skipped).toBe(true);
  });

  it('leaves reports to review for the industry task force and reports to accept for the HQ office', async () => {
    expect((await get(await as('task_force'), '/api/workbench/task-force')).data.counts.toReview).toBeGreaterThan(0);
    expect((await get(await as('hq_office'), '/api/workbench/hq')).data.counts.toAccept).toBeGreaterThan(0);
  });

  it('names the person behind every step of every report: the unit’s liaison and head, the plan’s task force, the HQ office', async () => {
    const db = h.db.database.db;
    const q = async (text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
    expect(await q(`select count(*)::int as n from report_steps where actor_id is null`)).toEqual([{ n: 0 }]);
    // Each step's actor holds the role for it, scoped to the report's unit, or to the task force of
    // the item's plan (the HQ office reviews where a plan has none).
    const wrong = await q(`
      with items as (select id, plan_id from tasks union all select id, plan_id from targets union all select id, plan_id from projects)
      select s.action, count(*)::int as n
        from report_steps s join reports r on r.id = s.report_id join items i on i.id = r.item_id left join plans p on p.id = i.plan_id
       where not exists (select 1 from user_roles ur where ur.user_id = s.actor_id and case
               when s.action = 'submit' then ur.role = 'liaison' and ur.unit_id = r.unit_id
               when s.action = 'approve' then ur.role = 'unit_head' and ur.unit_id = r.unit_id
               when s.action = 'review' or (s.action = 'return' and s.from_status = 'approved') then
                 case when p.task_force_id is null then ur.role = 'hq_office' else ur.role = 'task_force' and ur.body_id = p.task_force_id end
               else ur.role = 'hq_office' end)
       group by s.action`);
    expect(wrong).toEqual([]);
    const reviewers = await q(`
      select count(distinct s.actor_id)::int as n from report_steps s join user_roles ur on ur.user_id = s.actor_id and ur.role = 'task_force' where s.action = 'review'`);
    expect(reviewers).toEqual([{ n: 6 }]);
    // With the demo password the other units' people can sign in and find their own work.
    const commerce = (await get(await as('liaison_commerce'), '/api/workbench/unit')).data;
    expect(commerce.counts.toReport).toBeGreaterThan(0);
    expect((await get(await as('task_force_rural'), '/api/workbench/task-force')).data.counts.toReview).toBeGreaterThan(0);
  });

  it('plans no project to invest more over its years than its total, so that the HQ office can edit every one', async () => {
    const db = h.db.database.db;
    const over = ((await db.execute(sql.raw(`
      select p.code, p.total_investment::text as total, sum(y.planned)::text as planned from projects p join project_year_plans y on y.project_id = p.id
       group by p.id having sum(y.planned) > p.total_investment`))) as unknown as { rows: unknown[] }).rows;
    expect(over).toEqual([]);
    const planned = ((await db.execute(sql.raw(`select count(distinct project_id)::int as n from project_year_plans`))) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(planned).toBeGreaterThan(10);
    // XM-01 (386000.00) is built within the program's years: its yearly shares add up to its total exactly.
    const xm01 = ((await db.execute(sql.raw(`
      select p.total_investment::text as total, sum(y.planned)::text as planned from projects p join project_year_plans y on y.project_id = p.id
       where p.code = 'XM-01' group by p.id`))) as unknown as { rows: { total: string; planned: string }[] }).rows[0]!;
    expect(xm01.planned).toBe(xm01.total);
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

  it('shows the leader 批示 on tasks behind, in every state the office follows: answered, overdue, due, just written', async () => {
    const leader = await as('leader');
    const listed = (await get(leader, '/api/dispatches?kind=instruction')).data as { light: string; subject: { type: string; id: string } }[];
    expect(listed.map((d) => d.light).sort()).toEqual(['done', 'green', 'red', 'yellow']);
    // Each is on its task's page, as the leader wrote it there.
    const first = listed[0]!;
    const onTask = (await get(leader, `/api/instructions?subjectType=${first.subject.type}&subjectId=${first.subject.id}`)).data as { id: string }[];
    expect(onTask.length).toBeGreaterThan(0);
  });

  it('has the leading group’s last meeting on record and tomorrow’s dispatch meeting in preparation (issue 21 item 6)', async () => {
    const office = await as('hq_office');
    const listed = (await get(office, '/api/meetings')).data as { id: string; kind: string; status: string; decisionCount: number }[];
    expect(listed.map((m) => `${m.kind}:${m.status}:${m.decisionCount}`).sort()).toEqual(['hq_dispatch:open:0', 'leading_group:closed:2']);
    const held = (await get(office, `/api/meetings/${listed.find((m) => m.kind === 'leading_group')!.id}`)).data;
    // What the meeting heard is the task force's status with its red items named; one decision answered, one open.
    expect(held.agenda[0].snapshot.counts.red + held.agenda[0].snapshot.counts.yellow).toBeGreaterThan(0);
    expect(held.agenda[0].snapshot.items[0].reasons.length).toBeGreaterThan(0);
    expect(held.decisions.map((d: { light: string }) => d.light).sort()).toEqual(['done', 'green']);
    // A unit that owns a decision finds it among its orders.
    const mine = (await get(await as('liaison_chem_park'), '/api/dispatches?kind=decision')).data as { repliedCount: number; unitCount: number }[];
    expect(mine.map((d) => `${d.repliedCount}/${d.unitCount}`).sort()).toEqual(['0/1', '1/1']);
    // The task force heard reads its own meetings only, not the leading group's.
    expect((await get(await as('task_force'), '/api/meetings')).data).toEqual([]);
  });

  it('has weeks of light history to show how the lights moved, and none from the load’s first computation', async () => {
    const p = (await get(await as('leader'), '/api/dashboard?period=month')).data;
    expect(p.movement.turnedRed).toBeGreaterThan(0);
    expect(p.movement.newlyRed.length).toBeGreaterThan(0);
    // No item turned from 未开始: the load's first computation is not history.
    const db = h.db.database.db;
    const fromLoad = (await db.execute(sql`select count(*)::int as n from light_changes where from_light = 'not_started'`)) as unknown as { rows: { n: number }[] };
    expect(fromLoad.rows[0]!.n).toBe(0);
  });

  it('rolls lights up per task force for the HQ office', async () => {
    const rows = (await get(await as('hq_office'), '/api/lights/rollup?by=taskForce')).data as { code: string; light: string; counts: Record<string, number> }[];
    expect(rows.map((r) => r.code).sort()).toEqual(['tf_central_local', 'tf_chem', 'tf_ecology', 'tf_health', 'tf_industry', 'tf_rural']);
    for (const r of rows) expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('gives a share of the reports real evidence files, stored once by SHA-256 and reused', async () => {
    const db = h.db.database.db;
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports);
    const links = await db.select().from(reportEvidence);
    const share = new Set(links.map((l) => l.reportId)).size / n;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.6);
    const files = await db.select({ sha256: evidence.sha256, size: evidence.size, mime: evidence.mime, content: sql<string>`encode(${evidence.content}, 'base64')` }).from(evidence);
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeLessThanOrEqual(10);
    expect(new Set(files.map((f) => f.mime))).toEqual(new Set(['image/png', 'application/pdf']));
    for (const f of files) {
      const bytes = Buffer.from(f.content, 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(bytes.length).toBe(f.size);
      expect(links.filter((l) => l.sha256 === f.sha256).length, f.mime).toBeGreaterThan(10);
    }
    // Each report names its copy as a person would, and the upload route would accept the bytes under that name.
    for (const l of links.slice(0, 50)) expect(await evidenceMime(l.name, Buffer.from(files.find((f) => f.sha256 === l.sha256)!.content, 'base64'))).toBe(files.find((f) => f.sha256 === l.sha256)!.mime);
    // The 建设街道 liaison wrote its unit's reports, so it is an uploader of the files they carry.
    const [liaison] = await db.select({ id: users.id }).from(users).where(eq(users.account, 'liaison'));
    const uploads = await db.select().from(evidenceUploads).where(eq(evidenceUploads.userId, liaison!.id));
    expect(uploads.length).toBeGreaterThan(0);
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026-Q2')).toBe('2026年二季度');
  });

  it('serves demo evidence with its bytes and type to those who may read the report, and to nobody else', async () => {
    const withEvidence = new Set((await h.db.database.db.select({ id: reportEvidence.reportId }).from(reportEvidence)).map((r) => r.id));
    const open = async (s: Session, reportId: string) => {
      const detail = (await get(s, `/api/reports/${reportId}`)).data as { evidence: { sha256: string; name: string; size: number; mime: string }[] };
      expect(detail.evidence.length).toBeGreaterThan(0);
      for (const e of detail.evidence) {
        const res = await h.app.inject({ url: `/api/evidence/${e.sha256}`, headers: s.headers });
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        expect(res.headers['content-type']).toBe(e.mime);
        expect(Number(res.headers['content-length'])).toBe(e.size);
        expect(res.rawPayload.length).toBe(e.size);
        expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(e.sha256);
        expect(await evidenceMime(e.name, res.rawPayload)).toBe(e.mime);
      }
      return detail.evidence;
    };
    const firstWithEvidence = async (s: Session, query: string) => {
      const list = (await get(s, `/api/reports?perPage=100&${query}`)).data as { id: string }[];
      const hit = list.find((r) => withEvidence.has(r.id));
      expect(hit, query).toBeDefined();
      return hit!.id;
    };
    const liaison = await as('liaison');
    await open(liaison, await firstWithEvidence(liaison, 'status=accepted'));
    const taskForce = await as('task_force');
    await open(taskForce, await firstWithEvidence(taskForce, 'itemType=task'));
    const hq = await as('hq_office');
    const seen = [
      ...(await open(hq, await firstWithEvidence(hq, 'itemType=project'))),
      ...(await open(hq, await firstWithEvidence(hq, 'itemType=target'))),
    ];
    // Which report carries a photo and which a PDF follows the day the demo was loaded: read on until both were served.
    const more = ((await get(hq, '/api/reports?perPage=100')).data as { id: string }[]).filter((r) => withEvidence.has(r.id));
    for (const r of more) {
      if (new Set(seen.map((e) => e.mime)).size === 2) break;
      seen.push(...(await open(hq, r.id)));
    }
    expect(new Set(seen.map((e) => e.mime))).toEqual(new Set(['image/png', 'application/pdf']));
    // Roles that do not read reports never see evidence.
    const publicist = await as('publicist');
    expect((await h.app.inject({ url: `/api/evidence/${seen[0]!.sha256}`, headers: publicist.headers })).statusCode).toBe(403);
  });

  it('keeps the audit chain intact, with one record for the whole load', async () => {
    expect((await verifyAuditChain(h.db.database.db)).intact).toBe(true);
    const loaded = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.demo_loaded'));
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.after).toMatchObject({ plans: 11, targets: expect.any(Number), tasks: expect.any(Number), reports: expect.any(Number) });
  });

  it('asks 建设街道 for a written response it still owes, and keeps promises in every state (书面说明, 履约践诺)', async () => {
    const mine = (await get(await as('liaison'), '/api/response-requests?perPage=50')).data as { status: string; text: string }[];
    expect(mine.map((r) => r.status).sort()).toEqual(['answered', 'requested']);
    const office = await as('hq_office');
    const summary = (await get(office, '/api/promises/summary')).data as Record<string, number>;
    for (const state of ['pending', 'overdue', 'kept', 'broken']) expect(summary[state], state).toBeGreaterThan(0);
    const loaded = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.demo_loaded'));
    expect(loaded[0]!.after).toMatchObject({ responseRequests: 4, promises: 5 });
    expect(JSON.stringify(loaded[0]!.after)).not.toMatch(/oversight|case|complaint/i);
  });

  // Last: it changes the demo. The README tells a visitor to walk one report with the listed accounts.
  it('lets the listed accounts walk one report through every step: liaison, unit_head, task_force, hq_office', async () => {
    const [liaison, head, force, hq] = [await as('liaison'), await as('unit_head'), await as('task_force'), await as('hq_office')];
    const me = (await get(force, '/api/me')).data as { roles: { role: string; scopeName: string | null }[] };
    const forceName = me.roles.find((r) => r.role === 'task_force')!.scopeName;
    const toReport = ((await get(liaison, '/api/workbench/unit')).data as { toReport: { itemType: string; itemId: string; period: string }[] }).toReport;
    const ofTheForce: { itemId: string; period: string }[] = [];
    for (const line of toReport.filter((l) => l.itemType === 'task')) {
      const task = (await get(liaison, `/api/tasks/${line.itemId}`)).data as { planId: string };
      const plan = (await get(hq, `/api/plans/${task.planId}`)).data as { taskForceName: string | null };
      if (plan.taskForceName === forceName) ofTheForce.push(line);
    }
    expect(ofTheForce.length, `tasks the liaison has to report on in a plan of ${forceName}`).toBeGreaterThan(0);

    const line = ofTheForce[0]!;
    const post = async (s: Session, url: string, payload: object) => {
      const res = await h.app.inject({ method: 'POST', url, payload, headers: s.headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json().data as { id: string; status: string };
    };
    const draft = await post(liaison, '/api/reports', { itemType: 'task', itemId: line.itemId, period: line.period, text: '按计划推进', percent: '50' });
    expect((await post(liaison, `/api/reports/${draft.id}/submit`, {})).status).toBe('submitted');
    expect((await post(head, `/api/reports/${draft.id}/approve`, {})).status).toBe('approved');
    const queue = ((await get(force, '/api/workbench/task-force')).data as { toReview: { reportId: string }[] }).toReview;
    expect(queue.map((r) => r.reportId)).toContain(draft.id);
    expect((await post(force, `/api/reports/${draft.id}/review`, {})).status).toBe('reviewed');
    expect((await post(hq, `/api/reports/${draft.id}/accept`, {})).status).toBe('accepted');
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
    // Evidence draws from its own stream: the same files on the same reports under the same names.
    const evidence = () => buildEvidence(once.series.flatMap((s) => s.reports), new DemoRandom(9));
    const [a, b] = [evidence(), evidence()];
    expect(a.links.length).toBeGreaterThan(100);
    expect(JSON.stringify(b.links)).toBe(JSON.stringify(a.links));
    expect(b.files.map((f) => f.sha256)).toEqual(a.files.map((f) => f.sha256));
  });
});
