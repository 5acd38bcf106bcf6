import { z } from 'zod';
import { IMPORT_FIELDS } from '../imports/issues.js';
import { PLAN_TEXT_MAX } from '../imports/planText.js';
import { LIMITS } from '../limits.js';
import { DEADLINE_KINDS, REPORT_PERIODS } from '../work.js';
import { Id } from './common.js';
import { Recurrence } from './task.js';

/** The text fields of the sheet upload (multipart, the file in `file`). */
export const TaskImportForm = z.strictObject({ planId: Id });

/** A pasted 方案: its text, as published. */
export const PlanTextPreviewBody = z.strictObject({ planId: Id, text: z.string().trim().min(1).max(PLAN_TEXT_MAX) });

export const ImportPreviewParams = z.strictObject({ previewId: Id });
export const ImportRowParams = z.strictObject({ previewId: Id, line: z.coerce.number().int().min(1).max(100_000) });

/** A fix in the preview: a name of the row matched to a unit (from its suggestions or any other), or the deadline written again. */
export const ImportRowFix = z
  .strictObject({
    unitText: z.string().trim().min(1).max(LIMITS.name).optional(),
    unitId: Id.optional(),
    deadlineText: z.string().trim().max(LIMITS.name).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.unitText === undefined) !== (f.unitId === undefined)) ctx.addIssue({ code: 'custom', path: [f.unitText === undefined ? 'unitText' : 'unitId'], message: 'required' });
    if (f.unitText === undefined && f.deadlineText === undefined) ctx.addIssue({ code: 'custom', path: ['deadlineText'], message: 'required' });
  });

const UnitRef = z.object({ unitId: Id, name: z.string() });
export const ImportUnitMatch = z.object({
  text: z.string(),
  how: z.enum(['exact', 'abbreviation', 'group', 'vague', 'none']),
  units: z.array(UnitRef),
  suggestions: z.array(UnitRef),
});
const Issue = z.object({ field: z.enum(IMPORT_FIELDS), code: z.string(), message: z.string() });

/** One row of the preview as the office reads it: its place, its parse, and what is wrong or doubtful. */
export const ImportRowView = z.object({
  line: z.number(),
  sourceLine: z.number(),
  level: z.number(),
  parentLine: z.number().nullable(),
  code: z.string(),
  label: z.string(),
  title: z.string(),
  description: z.string(),
  leadUnit: ImportUnitMatch.nullable(),
  supportUnits: z.array(ImportUnitMatch),
  deadlineText: z.string(),
  deadlineKind: z.enum(DEADLINE_KINDS).nullable(),
  deadline: z.string().nullable(),
  recurrence: Recurrence.nullable(),
  reportPeriod: z.enum(REPORT_PERIODS).nullable(),
  errors: z.array(Issue),
  warnings: z.array(Issue),
  unplaced: z.array(z.string()),
});
export type ImportRowView = z.infer<typeof ImportRowView>;

export const ImportPreviewView = z.object({
  previewId: Id,
  planId: Id,
  kind: z.enum(['tasks_xlsx', 'plan_text']),
  fileName: z.string().nullable(),
  sha256: z.string(),
  expiresAt: z.string(),
  committedAt: z.string().nullable(),
  preamble: z.array(z.string()),
  counts: z.object({ rows: z.number(), errors: z.number(), warnings: z.number() }),
  rows: z.array(ImportRowView),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewView>;

export const TaskImportCommitResult = z.object({ previewId: Id, planId: Id, created: z.number() });
