import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../db/client.js';
import { versionedCache } from '../queries/versionedCache.js';

/**
 * Replies kept as the bytes sent, until the next write (versionedCache): encoded against the route's
 * response schema and stringified once, as the route's serialiser would, then sent as they are.
 * For the most read pages the encoding cost more than the kept reply's lookup; now a repeated read
 * costs the version lookup and the write to the socket. The key must name everything the reply
 * depends on (the reader's policies too, where the reply carries them).
 */
export function keptReplies(size: number) {
  const cache = versionedCache<string>(size);
  return async function sendKept(reply: FastifyReply, db: Executor, key: string, schema: z.ZodType, load: () => Promise<unknown>): Promise<FastifyReply> {
    const body = await cache(db, key, async () => JSON.stringify(z.encode(schema, await load())));
    // A string with a JSON content type is sent as it is: Fastify serialises only objects.
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
