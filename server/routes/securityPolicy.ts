import { z } from 'zod';
import { ErrorBody, Version } from '../../domain/schemas/common.js';
import { SecurityPolicySchema } from '../../domain/securityPolicy.js';
import type { App } from '../app.js';
import { updateSecurityPolicy } from '../commands/updateSecurityPolicy.js';
import { authorize } from '../policies/actor.js';
import { securityPolicyPolicy } from '../policies/settings.js';
import { readSecurityPolicy } from '../queries/settings.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Answer = z.object({ data: z.object({ policy: SecurityPolicySchema, version: z.number() }), policies: z.record(z.string(), z.boolean()) });
export const SecurityPolicyUpdate = z.strictObject({ version: Version, policy: SecurityPolicySchema });

export default function securityPolicyRoutes(app: App) {
  app.get('/api/security-policy', { schema: { tags: ['security'], response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(securityPolicyPolicy.route.read(req.ctx.actor));
    return { data: await readSecurityPolicy(req.ctx.database.db), policies: securityPolicyPolicy.routePolicies(req.ctx.actor) };
  });
  app.put('/api/security-policy', { schema: { tags: ['security'], body: SecurityPolicyUpdate, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(securityPolicyPolicy.route.update(req.ctx.actor));
    return { data: await updateSecurityPolicy(req.ctx, req.body.policy, req.body.version), policies: securityPolicyPolicy.routePolicies(req.ctx.actor) };
  });
}
