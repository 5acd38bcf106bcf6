import { isAdminRole, ROLES, type Role } from '../../domain/enums.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder } from './routeCalls.js';

type Allowed = 'everyone' | readonly Role[];

/** The feed (工作动态): everyone in the program, none of the three admin duties. */
const PROGRAM: readonly Role[] = ROLES.filter((r) => !isAdminRole(r));

/** The feed's routes; the stream is asked only for what was missed (`live=false`), so that it ends. */
export const FEED_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/feed': async (env, role) => ({ req: { method: 'GET', url: '/api/feed?perPage=5&kind=blocker' }, session: await env.session(role) }),
  'GET /api/feed/stream': async (env, role) => ({ req: { method: 'GET', url: '/api/feed/stream?live=false&lastEventId=0' }, session: await env.session(role) }),
};

/** Hand-written from the issue: the feed is the program's; each event is then filtered by what it concerns. */
export const FEED_MATRIX: Record<string, Allowed> = {
  'GET /api/feed': PROGRAM,
  'GET /api/feed/stream': PROGRAM,
};

/** The feed only reads. */
export const FEED_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [];
