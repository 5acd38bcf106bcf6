import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    account: text('account').notNull(),
    mobile: text('mobile'),
    /** Where the reminder digests also go by e-mail, when the HQ office has set up a mail server. */
    email: text('email'),
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
    /** The TOTP time step of the last code accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
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

/**
 * Failed logins, per account and source address: a lock holds that pair only, so nobody can lock
 * others out from their own address. An unknown account is counted by the name typed (`account`,
 * lower case, `userId` null) so that it locks exactly like a real one. A success deletes the pair's rows.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    account: text('account'),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_user_at').on(t.userId, t.at), index('login_failures_account_at').on(t.account, t.at), index('login_failures_at').on(t.at)],
);

/** The hashes of a user's earlier passwords, newest kept (PASSWORD_HISTORY in domain/password.ts), so that none is chosen again. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user').on(t.userId, t.createdAt)],
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
    /** Wrong current passwords given to POST /api/auth/password in this session: it ends at the limit. */
    passwordFailures: integer('password_failures').notNull().default(0),
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

/**
 * Single-use recovery codes for a lost second factor: given once at TOTP enrolment, stored only as
 * salted hashes (server/security/recoveryCodes.ts); a used code keeps its row with the time it was used.
 */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('totp_recovery_codes_user_hash').on(t.userId, t.codeHash)],
);
