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
    /** A target's or project's value column ("baseline", "goal:2026") and its text written again. */
    cell: z.string().regex(/^[a-zA-Z]+(?::[a-z]+|:\d{4})?$/).max(40).optional(),
    text: z.string().trim().max(LIMITS.name).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.unitText === undefined) !== (f.unitId === undefined)) ctx.addIssue({ code: 'custom', path: [f.unitText === undefined ? 'unitText' : 'unitId'], message: 'required' });
    if ((f.cell === undefined) !== (f.text === undefined)) ctx.addIssue({ code: 'custom', path: [f.cell === undefined ? 'cell' : 'text'], message: 'required' });
    if (f.unitText === undefined && f.deadlineText === undefined && f.cell === undefined) ctx.addIssue({ code: 'custom', path: ['deadlineText'], message: 'required' });
  });

const UnitRef = z.object({ unitId: Id, name: z.string() });
export const ImportUnitMatch = z.object({
  text: z.string(),
  how: z.enum(['exact', 'abbreviation', 'group', 'vague', 'none']),
  units: z.array(UnitRef),
  suggestions: z.array(UnitRef),
});
const Issue = z.object({ field: z.enum(IMPORT_FIELDS), cell: z.string().optional(), code: z.string(), message: z.string() });

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

/** What a preview was read from: a 任务分解表, a pasted 方案, a 指标表 or a 重点项目表. */
export const IMPORT_KINDS = ['tasks_xlsx', 'plan_text', 'targets_xlsx', 'projects_xlsx'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One row of a target or key-project preview: its code, name, unit and area, each value column's text and reading, and its problems. */
export const ItemImportRowView = z.object({
  line: z.number(),
  sourceLine: z.number(),
  kind: z.enum(['target', 'project']),
  code: z.string(),
  name: z.string(),
  unit: ImportUnitMatch.nullable(),
  area: z.object({ text: z.string(), areaId: Id.nullable(), name: z.string().nullable() }).nullable(),
  /** By column key: the text as written (or fixed) and the value read from it, in the table's words. */
  cells: z.record(z.string(), z.object({ text: z.string(), address: z.string(), value: z.string().nullable() })),
  errors: z.array(Issue),
  warnings: z.array(Issue),
});
export type ItemImportRowView = z.infer<typeof ItemImportRowView>;

export const ImportPreviewView = z.object({
  previewId: Id,
  planId: Id,
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().nullable(),
  sha256: z.string(),
  expiresAt: z.string(),
  committedAt: z.string().nullable(),
  preamble: z.array(z.string()),
  counts: z.object({ rows: z.number(), errors: z.number(), warnings: z.number() }),
  /** Task rows (a 任务分解表 or a 方案). */
  rows: z.array(ImportRowView),
  /** The value columns of a target or project preview, in the table's order, and its rows. */
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(ItemImportRowView),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewView>;

export const TaskImportCommitResult = z.object({ previewId: Id, planId: Id, created: z.number() });
