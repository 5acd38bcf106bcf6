import { ErrorBody, IdParams, listResponse } from '../../domain/schemas/common.js';
import { RoleProposal, RoleProposalDecision, RoleProposalListQuery, RoleProposalReject } from '../../domain/schemas/users.js';
import type { App } from '../app.js';
import { approveRoleProposal, rejectRoleProposal } from '../commands/roleProposals.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { authorize } from '../policies/actor.js';
import { roleProposalPolicy } from '../policies/user.js';
import { presentRoleProposal } from '../presenters/roleProposal.js';
import { findRoleProposal, listRoleProposals } from '../queries/roleProposals.js';
import { scopeOf } from '../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

async function present(ctx: Ctx, id: string) {
  const row = await findRoleProposal(ctx.database.db, id);
  if (!row) throw notFound('role_proposal');
  return presentRoleProposal(row, ctx.actor);
}

/** 角色变更审批 (三员分立): the sysadmin's proposed changes of admin roles, which the secadmin approves or rejects. */
export default function roleProposalRoutes(app: App) {
  app.get(
    '/api/role-proposals',
    { schema: { tags: ['users'], querystring: RoleProposalListQuery, response: { 200: listResponse(RoleProposal), ...errors } } },
    async (req) => {
      authorize(roleProposalPolicy.route.read(req.ctx.actor));
      const { status, page, perPage } = req.query;
      const { rows, total } = await listRoleProposals(req.ctx.database.db, scopeOf(req.ctx.actor), status, page, perPage);
      return { data: rows.map((r) => presentRoleProposal(r, req.ctx.actor)), page: { page, perPage, total }, policies: roleProposalPolicy.routePolicies(req.ctx.actor) };
    },
  );

  app.post(
    '/api/role-proposals/:id/approve',
    { schema: { tags: ['users'], params: IdParams, response: { 200: RoleProposalDecision, ...errors } } },
    async (req) => {
      authorize(roleProposalPolicy.route.decide(req.ctx.actor));
      const { initialPassword } = await approveRoleProposal(req.ctx, req.params.id);
      return { data: await present(req.ctx, req.params.id), initialPassword };
    },
  );

  app.post(
    '/api/role-proposals/:id/reject',
    { schema: { tags: ['users'], params: IdParams, body: RoleProposalReject, response: { 200: RoleProposalDecision, ...errors } } },
    async (req) => {
      authorize(roleProposalPolicy.route.decide(req.ctx.actor));
      await rejectRoleProposal(req.ctx, req.params.id, req.body.reason);
      return { data: await present(req.ctx, req.params.id), initialPassword: null };
    },
  );
}
