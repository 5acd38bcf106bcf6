import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 行政区: the tenant (a district), nested province → city → district (domain/regions.ts). */
export const regions = pgTable('regions', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** province, city or district; a region stored before regions nested is a district. */
  kind: text('kind').notNull().default('district'),
  parentId: uuid('parent_id'),
  version: integer('version').notNull().default(0),
  createdAt: createdAt(),
});

/** 单位: departments, subdistricts, towns, the park… */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    sort: integer('sort').notNull().default(0),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('org_units_region_code').on(t.regionId, t.code), index('org_units_kind').on(t.kind)],
);

/** Coordinating bodies: leading group, command HQ, its office, task forces. */
export const bodies = pgTable(
  'bodies',
  {
    id: id(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    leadUnitId: uuid('lead_unit_id').references(() => orgUnits.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bodies_region_code').on(t.regionId, t.code)],
);

/** A post in a body, held by a unit's post (区委书记) and optionally linked to a user account. */
export const bodyMembers = pgTable(
  'body_members',
  {
    id: id(),
    bodyId: uuid('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    post: text('post').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    userId: uuid('user_id'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('body_members_body').on(t.bodyId)],
);
