import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../domain/enums.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { loginAs, makeBody, makeUnit, makeUser, type Session } from './factories.js';
import { today } from '../clock.js';

const hex = () => randomBytes(3).toString('hex');

/** A JSON call as the session's user; `lang` sets Accept-Language. */
export function call(app: App, session: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, lang?: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { ...(session?.headers ?? {}), ...(lang ? { 'accept-language': lang } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** The data of a 200 answer, failing loudly with the body otherwise. */
export function ok<T = any>(res: LightMyRequestResponse): T {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  return res.json().data as T;
}

/** A signed-in user holding one role (scoped to `unitId` when given, in that unit). */
export async function sessionAs(app: App, database: Database, role: Role, unitId?: string): Promise<Session> {
  const u = await makeUser(database, [{ role, unitId: unitId ?? null }], unitId ? { unitId } : {});
  return loginAs(app, u);
}

/** The people of a planning test: the HQ office, a leader, a sysadmin, and two units with liaison and head. */
export async function planningCast(app: App, database: Database) {
  const [unitA, unitB] = [await makeUnit(database, { name: `区发改局${hex()}` }), await makeUnit(database, { name: `区工信局${hex()}` })];
  const taskForce = await makeBody(database, { kind: 'task_force' });
  const [hq, leader, sysadmin, liaisonA, headA, liaisonB, headB] = await Promise.all([
    sessionAs(app, database, 'hq_office'),
    sessionAs(app, database, 'leader'),
    sessionAs(app, database, 'sysadmin'),
    sessionAs(app, database, 'liaison', unitA.id),
    sessionAs(app, database, 'unit_head', unitA.id),
    sessionAs(app, database, 'liaison', unitB.id),
    sessionAs(app, database, 'unit_head', unitB.id),
  ]);
  return { unitA, unitB, taskForce, hq, leader, sysadmin, liaisonA, headA, liaisonB, headB };
}

/** This year in Asia/Shanghai: test programs start now, so lights computed from today's date are predictable. */
export const Y = Number(today().slice(0, 4));

/** A three-year program starting this year, whose first year's goal is 首战告捷, made through the API. */
export async function makeProgram(app: App, hq: Session, over: Record<string, unknown> = {}) {
  return ok(
    await call(app, hq, 'POST', '/api/programs', {
      code: `P${hex()}`,
      name: '全面振兴新突破三年行动',
      startYear: Y,
      endYear: Y + 2,
      yearGoals: [
        { year: Y, title: '首战告捷', description: '重点指标实现突破' },
        { year: Y + 1, title: '全面突破' },
        { year: Y + 2, title: '巩固提升' },
      ],
      ...over,
    }),
  );
}

export async function makeArea(app: App, hq: Session, programId: string, name = '产业振兴') {
  return ok(await call(app, hq, 'POST', `/api/programs/${programId}/areas`, { code: `A${hex()}`, name }));
}

export async function makePlan(app: App, hq: Session, programId: string, over: Record<string, unknown> = {}) {
  return ok(await call(app, hq, 'POST', '/api/plans', { programId, kind: 'special', code: `PL${hex()}`, title: '石化产业链专项推进方案', ...over }));
}

export const code = (prefix = 'C') => `${prefix}${hex()}`;
