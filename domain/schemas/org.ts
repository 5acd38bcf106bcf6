import { z } from 'zod';
import { BODY_KINDS, BODY_POSTS, UNIT_KINDS } from '../enums.js';
import { Code, Id, Name, Version } from './common.js';
import { REGION_KINDS } from '../regions.js';

export const RegionCreate = z.strictObject({ code: Code, name: Name, kind: z.enum(REGION_KINDS).optional(), parentId: Id.nullable().optional() });
export const RegionUpdate = z.strictObject({ version: Version, code: Code.optional(), name: Name.optional(), kind: z.enum(REGION_KINDS).optional(), parentId: Id.nullable().optional() });
export const Region = z.object({ id: Id, code: z.string(), name: z.string(), kind: z.enum(REGION_KINDS), parentId: Id.nullable(), version: z.number() });

export const UnitCreate = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(UNIT_KINDS),
  regionId: Id.optional(),
  parentId: Id.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const UnitUpdate = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Name.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: Id.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
  disabled: z.boolean().optional(),
});
export const Unit = z.object({
  id: Id,
  regionId: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
  sort: z.number(),
  disabled: z.boolean(),
  version: z.number(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = z.strictObject({
  kind: z.enum(UNIT_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
});

export const BodyCreate = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(BODY_KINDS),
  regionId: Id.optional(),
  parentId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
});
export const BodyUpdate = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Name.optional(),
  parentId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
});
export const BodyMember = z.object({
  id: Id,
  post: z.enum(BODY_POSTS),
  /** The post held in the government (区委书记), never a person's name. */
  title: z.string(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  userId: Id.nullable(),
  sort: z.number(),
});
export const BodyMemberCreate = z.strictObject({
  post: z.enum(BODY_POSTS),
  title: Name,
  unitId: Id.nullable().optional(),
  userId: Id.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const Body = z.object({
  id: Id,
  regionId: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  parentId: Id.nullable(),
  leadUnitId: Id.nullable(),
  leadUnitName: z.string().nullable(),
  members: z.array(BodyMember),
  version: z.number(),
});
export type Body = z.infer<typeof Body>;
export const MemberParams = z.strictObject({ id: Id, memberId: Id });
