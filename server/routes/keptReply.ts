import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { versionedCache, type KeptOptions } from '../queries/versionedCache.js';

/** A kept reply: its bytes and the entity tag that names them; compressed too where asked (`gzip`). */
interface Kept {
  body: string;
  etag: string;
  gzip?: { body: Buffer; etag: string };
}

/** Whether an Accept-Encoding header takes gzip (not refused with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  for (const part of String(header).split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** A strong entity tag for a body: its SHA-256, shortened (a collision would need 2^72 bodies). */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 24)}"`;

/** Whether an If-None-Match header names this tag (a list, `*`, or weak forms of it). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Replies kept as the bytes sent, until the next write (versionedCache): encoded against the route's
 * response schema and stringified once, as the route's serialiser would, then sent as they are.
 * For the most read pages the encoding cost more than the kept reply's lookup; now a repeated read
 * costs the version lookup and the write to the socket. The key must name everything the reply
 * depends on (the reader's policies too, where the reply carries them). `scope`: an org unit whose
 * rows alone the reply shows, kept until a write declares that unit (versionedCache).
 *
 * Each kept reply carries an entity tag, so a browser that already holds the same bytes is answered
 * 304 with none: `private, no-cache` makes it ask every time (never a stale page) and keeps shared
 * caches out. A tag names bytes, not a reader: another reader who would be sent the same bytes may
 * be told 304 as well, which gives away nothing he would not be sent.
 */
export function keptReplies(size: number, options: KeptOptions & { gzip?: boolean } = {}) {
  const cache = versionedCache<Kept>(size, options);
  return async function sendKept(req: FastifyRequest, reply: FastifyReply, key: string, schema: z.ZodType, load: () => Promise<unknown>, scope?: string): Promise<FastifyReply> {
    const kept = await cache(
      req.ctx.database,
      // The reader's region scope is part of every key: two districts' readers with the same policies never share a reply.
      `${req.ctx.actor?.regionIds.join(',') ?? ''}|${key}`,
      async () => {
        const body = JSON.stringify(z.encode(schema, await load()));
        const etag = etagOf(body);
        // The compressed bytes are another representation: a tag of their own (RFC 9110 §8.8.3).
        return { body, etag, ...(options.gzip ? { gzip: { body: gzipSync(body), etag: `${etag.slice(0, -1)}-gz"` } } : {}) };
      },
      scope,
    );
    const gzip = kept.gzip && acceptsGzip(req.headers['accept-encoding']) ? kept.gzip : undefined;
    const etag = gzip?.etag ?? kept.etag;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (kept.gzip) reply.header('vary', 'accept-encoding');
    if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
    if (gzip) return reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(gzip.body);
    // A string with a JSON content type is sent as it is: Fastify serialises only objects.
    return reply.type('application/json; charset=utf-8').send(kept.body);
  };
}
