import { z } from 'zod';
import { Me } from '../../domain/schemas/auth.js';
import { ErrorBody } from '../../domain/schemas/common.js';
import type { App } from '../app.js';
import { ANY_STAGE } from './auth.js';
import { unauthenticated } from '../errors.js';
import { loadMe } from '../queries/me.js';
import { currentSecurityPolicy } from '../queries/settings.js';

export default function meRoutes(app: App) {
  app.get(
    '/api/me',
    { config: { stages: ANY_STAGE }, schema: { tags: ['auth'], response: { 200: z.object({ data: Me }), 401: ErrorBody } } },
    async (req) => {
      const me = await loadMe(req.ctx.database.db, req.ctx.actor!, req.ctx.sessionId!);
      if (!me) throw unauthenticated();
      const policy = await currentSecurityPolicy(req.ctx.database.db);
      return { data: { ...me, passwordRules: { minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses } } };
    },
  );
}
