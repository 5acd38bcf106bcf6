import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits } from './org.js';
import { oversightCases } from './oversight.js';
import { evidence } from './reports.js';

/**
 * 书面说明: a unit asked for a written response. It carries no case id and nothing points from it
 * to a case: the unit reads it through its own routes, and nothing it can follow leads to the case.
 * The case names its requests (`oversightCaseRequests`), as a case names its complaint.
 */
export const responseRequests = pgTable(
  'response_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Written for the unit by the asker: never the case's own text. */
    text: text('text').notNull(),
    enterprise: text('enterprise'),
    /** 答复期限, a day in Asia/Shanghai. */
    deadline: text('deadline').notNull(),
    status: text('status').notNull().default('requested'),
    answer: text('answer'),
    /** The promises the draft makes ({ enterprise, content, deadline }[]); rows in `promises` once sent. */
    draftPromises: jsonb('draft_promises').$type<{ enterprise: string; content: string; deadline: string }[]>().notNull().default([]),
    requestedById: uuid('requested_by_id'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    draftedById: uuid('drafted_by_id'),
    draftedAt: timestamp('drafted_at', { withTimezone: true }),
    answeredById: uuid('answered_by_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('response_requests_unit').on(t.unitId, t.status)],
);

/** The answer's evidence: files of the evidence store, under the names they are shown by. */
export const responseRequestEvidence = pgTable(
  'response_request_evidence',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => responseRequests.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.sha256] }), index('response_request_evidence_sha').on(t.sha256)],
);

/** Which requests a case made: an oversight table, read by the oversight role's routes alone. */
export const oversightCaseRequests = pgTable(
  'oversight_case_requests',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => oversightCases.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => responseRequests.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.requestId] }), index('oversight_case_requests_request').on(t.requestId)],
);

/** 履约践诺: a promise made to an enterprise by a unit, with its deadline, kept or found broken. */
export const promises = pgTable(
  'promises',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The written answer that made it. */
    requestId: uuid('request_id').references(() => responseRequests.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    enterprise: text('enterprise').notNull(),
    content: text('content').notNull(),
    deadline: text('deadline').notNull(),
    status: text('status').notNull().default('pending'),
    keptNote: text('kept_note'),
    keptById: uuid('kept_by_id'),
    keptAt: timestamp('kept_at', { withTimezone: true }),
    brokenReason: text('broken_reason'),
    brokenById: uuid('broken_by_id'),
    brokenAt: timestamp('broken_at', { withTimezone: true }),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('promises_unit').on(t.unitId, t.status), index('promises_status_deadline').on(t.status, t.deadline), index('promises_request').on(t.requestId)],
);

/** Evidence that a promise was kept. */
export const promiseEvidence = pgTable(
  'promise_evidence',
  {
    promiseId: uuid('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.promiseId, t.sha256] }), index('promise_evidence_sha').on(t.sha256)],
);
