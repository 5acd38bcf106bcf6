import type { z } from 'zod';
import type { AuditRecord as AuditRecordSchema, AuditVerifyResult as AuditVerifySchema } from '../../domain/schemas/audit.js';
import type { Me as MeSchema, SessionStage as SessionStageSchema, TotpSetup as TotpSetupSchema } from '../../domain/schemas/auth.js';
import type { Body as BodySchema, BodyMember as BodyMemberSchema, Region as RegionSchema, Unit as UnitSchema } from '../../domain/schemas/org.js';
import type {
  ImportCommitResult as ImportCommitSchema,
  ImportPreview as ImportPreviewSchema,
  ImportRowResult as ImportRowSchema,
  RoleProposal as RoleProposalSchema,
  User as UserSchema,
} from '../../domain/schemas/users.js';

/** What the server allows this user to do (`{ create: true, update: false, … }`). */
export type Policies = Record<string, boolean>;
export interface PageInfo {
  page: number;
  perPage: number;
  total: number;
}
export interface Item<T> {
  data: T;
  policies: Policies;
}
export interface List<T> {
  data: T[];
  page?: PageInfo;
  policies: Policies;
}

export type Me = z.infer<typeof MeSchema>;
export type SessionStage = z.infer<typeof SessionStageSchema>;
export type TotpSetup = z.infer<typeof TotpSetupSchema>['data'];
export type Region = z.infer<typeof RegionSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Body = z.infer<typeof BodySchema>;
export type BodyMember = z.infer<typeof BodyMemberSchema>;
export type User = z.infer<typeof UserSchema>;
export type RoleProposal = z.infer<typeof RoleProposalSchema>;
export type ImportRow = z.infer<typeof ImportRowSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>['data'];
export type ImportCommit = z.infer<typeof ImportCommitSchema>['data'];
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
export type AuditVerify = z.infer<typeof AuditVerifySchema>['data'];

/** May the user do `action`? Absent means no. */
export const can = (policies: Policies | undefined, action: string): boolean => policies?.[action] === true;
