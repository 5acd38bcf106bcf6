import type { FastifyRequest } from 'fastify';
import { routeNotFound } from '../../errors.js';
import { oversees } from '../../policies/oversightCase.js';

/** Requests from outsiders, answered as a URL no route serves. */
const outsiders = new WeakSet<FastifyRequest>();

/** The path as the not-found route's one parameter (`*`) holds it: what the text guard looks at there. */
function asNotFoundParams(url: string): Record<string, string> {
  const path = url.split('?')[0]!.slice(1);
  try {
    return { '*': decodeURIComponent(path) };
  } catch {
    return { '*': path };
  }
}

/**
 * The oversight routes exist for the oversight role alone. Anyone else signed in must get exactly
 * what a URL no route serves gets (same status, body and headers, and no refusal record: an unknown
 * URL is not one), whatever the id, body or spelling, so that nothing tells them that the route, or
 * a case, exists. The not-found route parses the body and runs the app-wide guards (charset,
 * unstorable text) before it answers 404, so an outsider's request goes the same way: its path
 * parameters become the not-found route's (`*`), and it is answered 404 just before this route's
 * own schema would validate it, having read nothing. (Without a session the app-wide hook has
 * already answered 401, as it does for an unknown API URL.)
 */
async function markOutsider(req: FastifyRequest): Promise<void> {
  if (oversees(req.ctx.actor)) return;
  outsiders.add(req);
  req.params = asNotFoundParams(req.url);
}

async function answerAsMissing(req: FastifyRequest): Promise<void> {
  if (outsiders.has(req)) throw routeNotFound();
}

/**
 * Route options every oversight route takes. No automatic HEAD route: Fastify's copy of a GET
 * would answer an outsider's HEAD differently from a missing URL's.
 */
export const HIDDEN = { onRequest: markOutsider, preValidation: answerAsMissing, exposeHeadRoute: false } as const;
