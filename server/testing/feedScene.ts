import type { Role } from '../../domain/enums.js';
import type { FeedKind } from '../../domain/feed.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { areas } from '../db/schema/index.js';
import { runMidnightJob } from '../jobs/midnightJob.js';
import { loginAs, makeUser } from './factories.js';
import { dispatchDeadline } from './dispatchCalls.js';
import { reportingApi, thisMonth } from './reportingCalls.js';
import { makeDistrict, makePlan, makeTask, type District, type Person } from './workFactories.js';

/** The district's people and one of every other role (the admins through their second factor). */
export async function feedPeople(app: App, database: Database, d: District) {
  const person = async (role: Role): Promise<Person> => {
    const u = await makeUser(database, [{ role }], { unitId: d.unitB.id });
    return { id: u.id, session: await loginAs(app, u) };
  };
  const { liaisonA, headA, liaisonB, headB, headBLiaisonA, taskForce, otherTaskForce, hq, leader, publicist } = d;
  return {
    liaisonA, headA, liaisonB, headB, headBLiaisonA, taskForce, otherTaskForce, hq, leader, publicist,
    inspector: await person('inspector'),
    oversight: await person('oversight'),
    assessor: await person('assessor'),
    sysadmin: await person('sysadmin'),
    auditor: await person('auditor'),
  };
}
export type FeedPeople = Awaited<ReturnType<typeof feedPeople>>;
export type Who = keyof FeedPeople;

/**
 * Who reads which kind of event about unit A's work on the task force's plan, written by hand from
 * the issue: a report as reports are read (its unit, its plan's task force, those who see all
 * reports); a blocker as blockers are (the same and the oversight office); a claim and a plan by
 * everyone in the program. The admin duties do not read the feed at all.
 */
const REPORT_READERS: Who[] = ['liaisonA', 'headA', 'headBLiaisonA', 'taskForce', 'hq', 'leader', 'inspector', 'assessor'];
const PROGRAM: Who[] = ['liaisonA', 'headA', 'liaisonB', 'headB', 'headBLiaisonA', 'taskForce', 'otherTaskForce', 'hq', 'leader', 'publicist', 'inspector', 'oversight', 'assessor'];
export const READERS: Record<'report' | 'blocker' | 'instruction' | 'claim' | 'plan' | 'light', Who[]> = {
  report: REPORT_READERS,
  blocker: [...REPORT_READERS, 'oversight'],
  instruction: [...REPORT_READERS, 'oversight'],
  claim: PROGRAM,
  plan: PROGRAM,
  // The midnight run's 灯色变化: every item's light, and every item is read by everyone in the program.
  light: PROGRAM,
};
/**
 * A tracked item (a 批示 on the task, a meeting's decision) is read as its orders are: the office,
 * the leader and the units it went to; a unit's reply only by that unit (and the office and leader).
 */
const TO_A: Who[] = ['liaisonA', 'headA', 'headBLiaisonA', 'hq', 'leader'];
const TO_B: Who[] = ['liaisonB', 'headB', 'headBLiaisonA', 'hq', 'leader'];
export const FEED_READERS: Who[] = PROGRAM;

export interface Played {
  /** The entity ids the scene's events are about. */
  entityIds: Set<string>;
  /** The actions it wrote, in order, with their kinds and who reads each. */
  actions: { action: string; kind: FeedKind; readers: Who[] }[];
  taskId: string;
  areaId: string;
}

/**
 * Every kind of feed event once, through the API: unit A claims a task, reports on it (accepted up
 * the chain), raises a blocker that climbs to the leading group and comes back with an instruction;
 * the HQ office approves a plan; the leader writes a 批示 on the task, unit A replies; a meeting
 * decides something for unit B; the midnight run recomputes the lights (its record names no entity).
 */
export async function playFeedScene(app: App, database: Database, d: District): Promise<Played> {
  const api = reportingApi(app, database);
  const [area] = await database.db.insert(areas).values({ programId: d.program.id, code: `A${Date.now()}${Math.random().toString(36).slice(2, 6)}`, name: '产业振兴' }).returning();
  const task = await makeTask(database, d.plan.id, [{ unitId: d.unitA.id, claimStatus: 'unclaimed' }], { areaId: area!.id });
  await api.write(d.liaisonA, 'POST', `/api/tasks/${task.id}/claim`, { version: 0, measures: '成立专班，倒排工期' }, 200);
  await api.write(d.headA, 'POST', `/api/tasks/${task.id}/claim/approve`, { version: 1 }, 200);
  const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '20' })).json().data;
  await api.step(d.liaisonA, report.id, 'submit');
  await api.step(d.headA, report.id, 'approve');
  await api.step(d.taskForce, report.id, 'review');
  await api.step(d.hq, report.id, 'accept');
  const blocker = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '用地指标不足' }, 200)).json().data;
  await api.write(d.taskForce, 'POST', `/api/blockers/${blocker.id}/escalate`, {}, 200);
  await api.write(d.hq, 'POST', `/api/blockers/${blocker.id}/escalate`, {}, 200);
  await api.write(d.hq, 'POST', `/api/blockers/${blocker.id}/escalate`, {}, 200);
  await api.write(d.leader, 'POST', `/api/blockers/${blocker.id}/return`, { instruction: '由区自然资源局统筹调剂' }, 200);
  const plan = await makePlan(database, d.program.id, { status: 'under_review' });
  await api.write(d.hq, 'POST', `/api/plans/${plan.id}/approve`, { version: 0 }, 200);
  const instruction = (await api.write(d.leader, 'POST', '/api/instructions', { subjectType: 'task', subjectId: task.id, content: '抓紧协调用地' }, 200)).json().data;
  await api.write(d.liaisonA, 'POST', `/api/dispatches/${instruction.id}/replies`, { answer: '已对接区自然资源局' }, 200);
  const meeting = (await api.write(d.hq, 'POST', '/api/meetings', { kind: 'hq_dispatch', title: '调度会', heldOn: '2026-12-08' }, 200)).json().data;
  const decided = (await api.write(d.hq, 'POST', `/api/meetings/${meeting.id}/decisions`, { content: '年底前完成', unitIds: [d.unitB.id], deadline: await dispatchDeadline(database) }, 200)).json().data;
  const decision = decided.decisions[0].id as string;
  await runMidnightJob(database);
  const at = (kind: keyof typeof READERS, action: string) => ({ action, kind, readers: READERS[kind] });
  return {
    entityIds: new Set([task.id, report.id, blocker.id, plan.id, instruction.id, decision]),
    actions: [
      at('claim', 'task.claimed'),
      at('claim', 'task.claim_approved'),
      at('report', 'report.accepted'),
      at('blocker', 'blocker.raised'),
      at('blocker', 'blocker.escalated'),
      at('blocker', 'blocker.escalated'),
      at('blocker', 'blocker.escalated'),
      at('instruction', 'blocker.returned'),
      at('plan', 'plan.approved'),
      { action: 'instruction.issued', kind: 'instruction', readers: TO_A },
      { action: 'dispatch.replied', kind: 'reply', readers: TO_A },
      { action: 'meeting.decision_recorded', kind: 'decision', readers: TO_B },
      at('light', 'system.lights_refreshed'),
    ],
    taskId: task.id,
    areaId: area!.id,
  };
}

/** The actions of the scene a person should see, in order. */
export const expectedFor = (played: Played, who: Who): string[] => played.actions.filter((a) => a.readers.includes(who)).map((a) => a.action);

export { makeDistrict };
