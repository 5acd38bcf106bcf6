import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/enums.js';
import { progressStore } from '../db/progressStore.js';
import type { BodyKind } from './garbage.js';
import { sessionUserId } from './importCalls.js';
import type { CallBuilder } from './routeCalls.js';

/** The progress route: a job of the caller's own, half done, as its tracker would have stored it. */
export const JOB_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/jobs/:id/progress': async (env, role) => {
    const id = randomUUID();
    await progressStore(env.database).write(await sessionUserId(env, role), id, { phase: 'writing', done: 50, total: 100, finished: false, error: null });
    return { req: { method: 'GET', url: `/api/jobs/${id}/progress` }, session: await env.session(role) };
  },
};

/** Everyone who may start a long job may follow it: every signed-in person, each their own jobs only (jobs.test.ts). */
export const JOB_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/jobs/:id/progress': 'everyone',
};

export const JOB_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [];
