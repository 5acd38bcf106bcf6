// What the crash and soak drills (bench/crashDrill.ts, bench/soak.ts) share: the demo's liaisons
// signed in, each with weekly tasks of a plan made for the drill (the HQ office's account makes
// them over the API, as a person would), and a supply of (task, period) pairs nobody has reported
// yet, so every report a drill creates is new and none is refused as already made.
import { randomUUID } from 'node:crypto';
import { staffAccount } from '../demo/accounts.js';
import { DEMO_UNITS } from '../demo/org.js';
import { dayNumber, fromDayNumber } from '../domain/calendar/days.js';
import { periodOf } from '../domain/periods.js';
import { call, passwordLogin, type HttpSession } from '../scripts/serverProcess.js';

/** Weekly periods per task: from the week of 2000-01-03 on, all long past whatever the clock says. */
const WEEKS_PER_TASK = 1000;
const FIRST_MONDAY = dayNumber('2000-01-03');

export interface Reporter {
  account: string;
  unitId: string;
  session: HttpSession;
  taskIds: string[];
  /** Slots handed out so far. */
  used: number;
}

export interface ReportSlot {
  reporter: Reporter;
  /** The reporter's n-th slot. */
  n: number;
  taskId: string;
  period: string;
}

/** The next (task, week) the reporter has not reported; throws when its tasks are used up. */
export function nextSlot(r: Reporter): ReportSlot {
  const n = r.used++;
  const taskId = r.taskIds[Math.floor(n / WEEKS_PER_TASK)];
  if (!taskId) throw new Error(`${r.account} has reported every week of its ${r.taskIds.length} drill task(s)`);
  return { reporter: r, n, taskId, period: periodOf(fromDayNumber(FIRST_MONDAY + 7 * (n % WEEKS_PER_TASK)), 'weekly') };
}

/** A report draft's body for a slot (a task's figure is its percent). */
export const reportBody = (s: ReportSlot, text = '') => ({ itemType: 'task' as const, itemId: s.taskId, period: s.period, percent: String(((s.n * 7) % 100) + 0.5), text });

/** An Idempotency-Key as the web app's offline queue sends it (a UUID v4). */
export const idempotencyKey = () => randomUUID();

async function ok<T>(what: string, p: Promise<{ status: number; json: any }>): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
  return (r.json as { data: T }).data;
}

/**
 * `units` liaisons of the demo's units, signed in, each with enough weekly drill tasks (its unit
 * leads them) for `reports` reports spread evenly over them all. `tag` names the drill's plan
 * (unique in the database).
 */
export async function prepareReporters(base: string, opts: { units: number; reports: number; tag: string }): Promise<Reporter[]> {
  if (opts.units > DEMO_UNITS.length) throw new Error(`the demo has ${DEMO_UNITS.length} units, not ${opts.units}`);
  const hq = await passwordLogin(base, 'hq_office');
  const units = await ok<{ id: string; code: string }[]>('units', call(base, 'GET', '/api/units', hq));
  const [program] = await ok<{ id: string }[]>('programs', call(base, 'GET', '/api/programs', hq));
  if (!program) throw new Error('the demo has no program');
  const plan = await ok<{ id: string }>('plan', call(base, 'POST', '/api/plans', hq, { programId: program.id, kind: 'special', code: `DRILL-${opts.tag}`, title: `演练方案 ${opts.tag}` }));
  const chosen = DEMO_UNITS.slice(0, opts.units);
  const tasksPerUnit = Math.max(1, Math.ceil(opts.reports / (opts.units * WEEKS_PER_TASK)));
  const reporters: Reporter[] = [];
  for (const u of chosen) {
    const unitId = units.find((x) => x.code === u.code)?.id;
    if (!unitId) throw new Error(`unit ${u.code} is not in the database`);
    const taskIds: string[] = [];
    for (let k = 0; k < tasksPerUnit; k++) {
      const body = { planId: plan.id, code: `DRILL-${opts.tag}-${u.code}-${k}`, title: `演练任务 ${u.name} ${k + 1}`, leadUnitId: unitId, startDate: '2000-01-03', deadlineKind: 'date', deadline: '2099-12-31', reportPeriod: 'weekly' };
      taskIds.push((await ok<{ id: string }>(`task for ${u.code}`, call(base, 'POST', '/api/tasks', hq, body))).id);
    }
    reporters.push({ account: staffAccount('liaison', u.code), unitId, session: null as unknown as HttpSession, taskIds, used: 0 });
  }
  await signIn(base, reporters);
  // A report is submitted only on a task its unit has claimed and its head approved the claim of.
  await Promise.all(
    chosen.map(async (u, i) => {
      const reporter = reporters[i]!;
      const head = await passwordLogin(base, staffAccount('unit_head', u.code));
      for (const taskId of reporter.taskIds) {
        const version = async () => (await ok<{ units: { unitId: string; version: number }[] }>('task', call(base, 'GET', `/api/tasks/${taskId}`, reporter.session))).units.find((x) => x.unitId === reporter.unitId)?.version ?? 0;
        await ok('claim', call(base, 'POST', `/api/tasks/${taskId}/claim`, reporter.session, { version: await version(), measures: '按周推进，逐周报送' }));
        await ok('claim approval', call(base, 'POST', `/api/tasks/${taskId}/claim/approve`, head, { version: await version() }));
      }
    }),
  );
  return reporters;
}

/** Signs every reporter in again (a restarted server keeps sessions, but a drill asks nothing of that). */
export async function signIn(base: string, reporters: Reporter[]): Promise<void> {
  await Promise.all(
    reporters.map(async (r) => {
      r.session = await passwordLogin(base, r.account);
      if (r.session.stage !== 'ok') throw new Error(`${r.account} ended its login at stage ${r.session.stage}`);
    }),
  );
}
