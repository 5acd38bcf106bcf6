import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { canonicalJson } from '../../domain/canonicalJson.js';

/**
 * What a request asks for, as a hash: the route (its pattern, not the URL's spelling, so that
 * `/api/reports/%61…` is the same request as `/api/reports/a…`), its parsed parameters and query, and
 * the body as parsed (canonical JSON: the same object in another key order is the same request).
 */
export function jsonRequestHash(req: FastifyRequest): string {
  return requestHash(req, canonicalJson(req.body ?? null));
}

/**
 * A multipart form's hash: its text fields (canonical JSON, so in any order) and its files in the
 * order sent, each by field, name and the SHA-256 of its bytes. The boundary, which a client picks
 * anew for every send, is not part of it.
 */
export function formRequestHash(req: FastifyRequest, form: { fields: Record<string, unknown>; files: { field: string; name: string; bytes: Buffer }[] }): string {
  const files = form.files.map((f) => ({ field: f.field, name: f.name, sha256: createHash('sha256').update(f.bytes).digest('hex') }));
  return requestHash(req, canonicalJson({ fields: form.fields, files }));
}

function requestHash(req: FastifyRequest, body: string): string {
  const head = canonicalJson({ method: req.method, route: req.routeOptions.url ?? req.url, params: req.params ?? null, query: req.query ?? null });
  return createHash('sha256').update(head).update('\n').update(body).digest('hex');
}
