import { z } from 'zod';
import type { App } from '../app.js';
import { databaseAnswers } from '../queries/health.js';

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
    async (req, reply) =>
      (await databaseAnswers(req.ctx.database.db)) ? { status: 'ok' as const, database: 'ok' as const } : reply.code(503).send({ status: 'degraded', database: 'unreachable' }),
  );
}
