import type { Role } from '../../domain/enums.js';
import type { RoleProposal, RoleProposalStatus } from '../../domain/schemas/users.js';
import type { Actor } from '../context.js';
import { roleProposalPolicy } from '../policies/user.js';
import type { RoleProposalRow } from '../models/users.js';

type Grant = { role: Role; unitId: string | null; bodyId: string | null };
const grants = (v: unknown): Grant[] => (v as Grant[]).map(({ role, unitId, bodyId }) => ({ role, unitId: unitId ?? null, bodyId: bodyId ?? null }));

/** Every field listed, with what this actor may do to it now. */
export function presentRoleProposal(r: RoleProposalRow, actor: Actor | null): RoleProposal {
  const { p } = r;
  return {
    id: p.id,
    userId: p.userId,
    account: r.account,
    displayName: r.displayName,
    unitName: r.unitName,
    before: grants(p.before),
    roles: grants(p.roles),
    status: p.status as RoleProposalStatus,
    proposedBy: r.proposedBy,
    proposedAt: p.proposedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    reason: p.reason,
    policies: { approve: roleProposalPolicy.row.decide(actor, p), reject: roleProposalPolicy.row.decide(actor, p) },
  };
}

export { grants as presentGrants };
