import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../app.js';

export default function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }), 503: z.object({ status: z.string(), database: z.string() }) },
      },
    },
    async (req, reply) => {
      try {
        await req.ctx.database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'degraded', database: 'unreachable' });
      }
    },
  );
}
