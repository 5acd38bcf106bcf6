// Test setup through the API, as the HQ office: a plan of the demo's industry task force with one
// task led by 建设街道 (the `liaison` and `unit_head` accounts' unit), so a test does not depend on
// the demo's work data.
import { apiLogin } from './apiSession.js';
import { e2eDay } from './clock.js';

interface Listed {
  data: { id: string; code: string }[];
}

/**
 * A new plan `code` and its task `code`-1, monthly, due at the end of next year unless `dates` say
 * otherwise (a deadline already passed makes the task overdue, so red); answers the task.
 */
export async function makeJiansheTask(base: string, code: string, planTitle: string, taskTitle: string, dates: { startDate?: string; deadline?: string } = {}) {
  const hq = await apiLogin(base, 'hq_office');
  const [units, bodies, programs] = await Promise.all([hq.get<Listed>('/api/units'), hq.get<Listed>('/api/bodies'), hq.get<Listed>('/api/programs')]);
  const today = e2eDay();
  const plan = await hq.post<{ data: { id: string } }>('/api/plans', {
    programId: programs.data[0]!.id,
    kind: 'special',
    code,
    title: planTitle,
    taskForceId: bodies.data.find((b) => b.code === 'tf_industry')!.id,
  });
  const task = await hq.post<{ data: { id: string; light: string; units: { version: number }[] } }>('/api/tasks', {
    planId: plan.data.id,
    code: `${code}-1`,
    title: taskTitle,
    leadUnitId: units.data.find((u) => u.code === 'jianshe')!.id,
    startDate: dates.startDate ?? today,
    deadlineKind: 'date',
    deadline: dates.deadline ?? `${Number(today.slice(0, 4)) + 1}-12-31`,
    reportPeriod: 'monthly',
  });
  return task.data;
}
