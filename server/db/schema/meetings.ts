import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { bodies, orgUnits, regions } from './org.js';
import { plans } from './program.js';

/**
 * A meeting of the leading group, the HQ (调度会) or a task force: its agenda, attendance, minutes;
 * its decisions (议定事项) are tracked as dispatches of kind `decision` whose subject is the meeting.
 * `bodyId` is the task force holding a task-force meeting. Open until the minutes are issued (closed).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place').notNull().default(''),
    bodyId: uuid('body_id').references(() => bodies.id),
    /** The region it belongs to (the region seal): its body's, or its maker's for a meeting of no body (migration 0048). */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    attendees: text('attendees').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    status: text('status').notNull().default('open'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedById: uuid('closed_by_id'),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('meetings_held_on').on(t.heldOn), index('meetings_body').on(t.bodyId), index('meetings_region').on(t.regionId)],
);

/** The units attending a meeting (task-force lead units, the 街镇党工委书记's subdistricts and towns …). */
export const meetingUnits = pgTable(
  'meeting_units',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

/**
 * One agenda item: 听取汇报 of a unit or task force (with the status snapshot frozen into the pack),
 * 审议 of a plan under review (its outcome approves it or sends it back), or 研究部署.
 */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    bodyId: uuid('body_id').references(() => bodies.id),
    planId: uuid('plan_id').references(() => plans.id),
    snapshot: jsonb('snapshot'),
    snapshotAt: timestamp('snapshot_at', { withTimezone: true }),
    outcome: text('outcome'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('meeting_agenda_items_meeting').on(t.meetingId, t.position)],
);
