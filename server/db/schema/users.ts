import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    account: text('account').notNull(),
    mobile: text('mobile'),
    displayName: text('display_name').notNull(),
    unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Failed logins before this moment no longer count (set when the secadmin unlocks). */
    lockResetAt: timestamp('lock_reset_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_account_lower').on(sql`lower(${t.account})`),
    uniqueIndex('users_mobile').on(t.mobile),
    index('users_unit').on(t.unitId),
  ],
);

/** A role held by a user, optionally scoped to a unit or a body (task force). */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    bodyId: uuid('body_id'),
  },
  (t) => [index('user_roles_user').on(t.userId)],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_user_at').on(t.userId, t.at)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * A change of admin roles (三员分立) that the sysadmin proposed and a secadmin approves or rejects:
 * `roles` is the whole set the account will hold, `before` the set it held when proposed. At most
 * one pending proposal per account, so that approving one cannot undo another.
 */
export const roleProposals = pgTable(
  'role_proposals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: jsonb('roles').notNull(),
    before: jsonb('before').notNull(),
    status: text('status').notNull().default('pending'),
    proposedById: uuid('proposed_by_id').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid('decided_by_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('role_proposals_one_pending').on(t.userId).where(sql`${t.status} = 'pending'`), index('role_proposals_status').on(t.status)],
);
