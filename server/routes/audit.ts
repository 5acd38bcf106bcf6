import { auditCategory } from '../../domain/auditCategories.js';
import { ErrorBody, listResponse } from '../../domain/schemas/common.js';
import { AuditActors, AuditQuery, AuditRecord, AuditVerifyResult } from '../../domain/schemas/audit.js';
import { auditSentence } from '../../domain/auditSentence.js';
import { CASE_AUDIT_ENTITY } from '../../domain/oversight.js';
import { auditActors, auditNames } from '../queries/auditNames.js';
import type { App } from '../app.js';
import { listAudit, verifyAuditChain } from '../audit.js';
import { recordAccess } from '../accessLog.js';
import { checkpointsOf } from '../auditCheckpoints.js';
import { authorize } from '../policies/actor.js';
import { auditPolicy } from '../policies/audit.js';
import { scopeOf } from '../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** The auditor's view of 留痕: browse, filter, and check the chain while the server runs. */
export default function auditRoutes(app: App) {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: listResponse(AuditRecord), ...errors } } }, async (req) => {
    authorize(auditPolicy.route.read(req.ctx.actor));
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listAudit(req.ctx.database.db, scopeOf(req.ctx.actor), filter, page, perPage);
    const names = await auditNames(req.ctx.database.db, rows);
    // Who read the log, what they looked for and how much they saw: the auditor is audited too.
    await recordAccess(req.ctx, 'audit.read', { entity: 'audit', after: { filter, page, perPage, total } });
    return {
      data: rows.map((r) => {
        const actorName = names.actorName(r.actorId);
        // An oversight case's record says that something was done to a case, not which (domain/oversight.ts).
        const hidden = r.entity === CASE_AUDIT_ENTITY;
        const subject = hidden ? null : names.subject(r.entity, r.entityId);
        const after = (r.after ?? {}) as { session?: unknown };
        return {
        id: String(r.id),
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorAccount: r.actorAccount,
        ip: r.ip,
        action: r.action,
        category: auditCategory(r.action),
        entity: r.entity,
        entityId: hidden ? null : r.entityId,
        actorName,
        subject,
        sentence: auditSentence({ action: r.action, actorName, actorAccount: r.actorAccount, subject: r.action === 'auth.login' ? null : subject }, req.ctx.lang),
        session: r.action === 'auth.login' && typeof after.session === 'string' ? after.session : null,
        before: hidden ? null : r.before,
        after: hidden ? null : r.after,
        hash: r.hash,
        prevHash: r.prevHash,
        };
      }),
      page: { page, perPage, total },
      policies: auditPolicy.routePolicies(req.ctx.actor),
    };
  });
  app.get('/api/audit/actors', { schema: { tags: ['audit'], response: { 200: AuditActors, ...errors } } }, async (req) => {
    authorize(auditPolicy.route.read(req.ctx.actor));
    return { data: await auditActors(req.ctx.database.db, scopeOf(req.ctx.actor)) };
  });

  app.get('/api/audit/verify', { schema: { tags: ['audit'], response: { 200: AuditVerifyResult, ...errors } } }, async (req) => {
    authorize(auditPolicy.route.verify(req.ctx.actor));
    // Read before the walk, so every checkpoint is of a head the walk reaches.
    const cp = checkpointsOf(req.ctx.database);
    const result = cp?.forged.length
      ? { intact: false, checked: 0, firstBrokenId: null, reason: 'checkpoint_forged' }
      : await verifyAuditChain(req.ctx.database.db, 2000, cp?.checkpoints);
    await recordAccess(req.ctx, 'audit.verified', { entity: 'audit', after: result });
    return { data: result };
  });
}
