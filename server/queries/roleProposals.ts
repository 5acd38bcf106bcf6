import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RoleProposalStatus } from '../../domain/schemas/users.js';
import type { Executor } from '../db/client.js';
import { orgUnits, roleProposals, users } from '../db/schema/index.js';
import type { PendingRoles, RoleProposalRow } from '../models/users.js';
import { userIn, type RegionScope } from './regionScope.js';

export type { PendingRoles, RoleProposalRow } from '../models/users.js';

/** The pending proposal of each of these users (one query for a page). */
export async function pendingRolesOf(db: Executor, userIds: string[]): Promise<Map<string, PendingRoles>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: roleProposals.userId, proposalId: roleProposals.id, roles: roleProposals.roles, proposedAt: roleProposals.proposedAt })
    .from(roleProposals)
    .where(and(inArray(roleProposals.userId, userIds), eq(roleProposals.status, 'pending')));
  return new Map(rows.map(({ userId, ...p }) => [userId, p]));
}

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

const proposalColumns = {
  p: roleProposals,
  account: users.account,
  displayName: users.displayName,
  unitName: orgUnits.name,
  proposedBy: proposer.account,
  decidedBy: decider.account,
};

function proposalQuery(db: Executor) {
  return db
    .select(proposalColumns)
    .from(roleProposals)
    .innerJoin(users, eq(users.id, roleProposals.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .leftJoin(proposer, eq(proposer.id, roleProposals.proposedById))
    .leftJoin(decider, eq(decider.id, roleProposals.decidedById));
}


/** Proposals of one status, newest first. */
export async function listRoleProposals(db: Executor, scope: RegionScope, status: RoleProposalStatus, page: number, perPage: number) {
  const where = and(eq(roleProposals.status, status), userIn(roleProposals.userId, scope));
  const rows = await proposalQuery(db)
    .where(where)
    .orderBy(desc(roleProposals.proposedAt))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(roleProposals).where(where);
  return { rows, total: c?.n ?? 0 };
}

export async function findRoleProposal(db: Executor, id: string): Promise<RoleProposalRow | undefined> {
  const [row] = await proposalQuery(db).where(eq(roleProposals.id, id));
  return row;
}
