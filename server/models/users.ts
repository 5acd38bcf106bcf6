// Read models of accounts: what queries return and presenters take (types only; see models/reporting.ts).
import type { roleProposals, users } from '../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

/** A user's pending change of admin roles. */
export interface PendingRoles {
  proposalId: string;
  roles: unknown;
  proposedAt: Date;
}

/** A proposed change of admin roles with the names it is shown with. */
export interface RoleProposalRow {
  p: typeof roleProposals.$inferSelect;
  account: string;
  displayName: string;
  unitName: string;
  proposedBy: string | null;
  decidedBy: string | null;
}
