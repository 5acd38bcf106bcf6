import { z } from 'zod';
import { LIGHTS } from '../lights.js';
import { LIMITS } from '../limits.js';
import { REPORT_ACTIONS } from '../workflows/report.js';
import { CLAIM_STATUSES, ITEM_TYPES, PROJECT_STAGES, REPORT_STATUSES, type ItemType } from '../work.js';
import { Blocker, BlockerInline } from './blocker.js';
import { Id, PageQuery, Version } from './common.js';
import { rule } from './ruleMessages.js';
import { Evidence, EvidenceRef } from './evidence.js';

/** Decimals travel as strings so no floating point touches them. */
export const PercentString = z
  .string(rule('percent'))
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, rule('percent'))
  .refine((v) => Number(v) <= 100, rule('percent'));
export const ActualString = z
  .string(rule('decimal'))
  .trim()
  .regex(/^-?\d{1,16}(\.\d{1,4})?$/, rule('decimal'));
/** 万元, two decimals. */
export const InvestmentString = z
  .string(rule('money'))
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, rule('money'));
/** 2026-W20, 2026-05 or 2026-Q2. */
export const PeriodKey = z.string(rule('period')).regex(/^\d{4}-(W\d{2}|\d{2}|Q[1-4])$/, rule('period'));

/** The item a report form is about: GET /api/reports/brief?itemType=task&itemId=… */
export const ReportBriefQuery = z.strictObject({ itemType: z.enum(ITEM_TYPES), itemId: Id });
/** What the liaison needs beside the form: what the item asks, its deadline, the last accepted figure, and the periods to pick from. */
export const ReportBrief = z.object({
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  code: z.string(),
  title: z.string(),
  /** The task's content; a target's goals; a project's enterprise and site. */
  content: z.string(),
  /** A task's deadline (or next due date), a project's planned 投产 date; null when there is none. */
  due: z.string().nullable(),
  /** `figure` as shown ("进度60%"); `value` as the form's figure field takes it ("60"), the new report's starting point. */
  lastAccepted: z.object({ period: z.string(), figure: z.string(), value: z.string(), acceptedAt: z.string().nullable() }).nullable(),
  /** The text of the unit's own newest sent report on the item: last time's words, to start this one from. */
  lastText: z.string().nullable(),
  /** Newest first; `open` is the one due now; `reportId`/`status` the unit's own report of the period, if any. */
  periods: z.array(z.object({ period: z.string(), dueDate: z.string(), open: z.boolean(), reportId: Id.nullable(), status: z.enum(REPORT_STATUSES).nullable() })),
});

/** The figure each kind of item reports: percent for tasks, the actual for targets, investment for projects. */
export const FIGURE_OF: Record<ItemType, 'percent' | 'actual' | 'investment'> = { task: 'percent', target: 'actual', project: 'investment' };
const FIGURES = ['percent', 'actual', 'investment', 'stage'] as const;

const ReportText = z.string().trim().max(LIMITS.text);

export const ReportCreate = z
  .strictObject({
    itemType: z.enum(ITEM_TYPES),
    itemId: Id,
    /** Needed only when the actor reports for several units that all own the item. */
    unitId: Id.optional(),
    period: PeriodKey,
    text: ReportText.default(''),
    percent: PercentString.optional(),
    actual: ActualString.optional(),
    investment: InvestmentString.optional(),
    stage: z.enum(PROJECT_STAGES).optional(),
    evidence: z.array(EvidenceRef).max(20).default([]),
    blockers: z.array(BlockerInline).max(10).default([]),
  })
  .superRefine((r, ctx) => {
    const figure = FIGURE_OF[r.itemType];
    if (r[figure] === undefined) ctx.addIssue({ code: 'invalid_type', expected: 'string', path: [figure], input: undefined, message: 'required' });
    const foreign = FIGURES.filter((f) => f !== figure && !(f === 'stage' && r.itemType === 'project') && r[f] !== undefined);
    if (foreign.length) ctx.addIssue({ code: 'unrecognized_keys', keys: foreign, path: [], input: r, message: 'not for this item' });
  });
export type ReportCreate = z.infer<typeof ReportCreate>;
/** What a client sends (defaults not yet applied). */
export type ReportCreateInput = z.input<typeof ReportCreate>;

/** Edits while the report is with its unit (draft or returned). `evidence` replaces the list; `blockers` are added. */
export const ReportUpdate = z.strictObject({
  version: Version,
  text: ReportText.optional(),
  percent: PercentString.optional(),
  actual: ActualString.optional(),
  investment: InvestmentString.optional(),
  stage: z.enum(PROJECT_STAGES).nullable().optional(),
  evidence: z.array(EvidenceRef).max(20).optional(),
  blockers: z.array(BlockerInline).max(10).optional(),
});
export type ReportUpdate = z.infer<typeof ReportUpdate>;
export type ReportUpdateInput = z.input<typeof ReportUpdate>;

/** submit, approve, review, accept: the version read by the client, when it has one. */
/** A step up the chain; `comment` is the optional 审批意见 that goes into the report's history with the step. */
export const ReportStep = z.strictObject({ version: Version.optional(), comment: z.string().trim().max(LIMITS.reason).optional() });
export const ReportReturn = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.reason), version: Version.optional() });

export const ReportListQuery = PageQuery.extend({
  itemType: z.enum(ITEM_TYPES).optional(),
  item: Id.optional(),
  unit: Id.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  period: PeriodKey.optional(),
});

/** The report list's filters for its .xlsx export (every page). */
export const ReportExportQuery = ReportListQuery.omit({ page: true, perPage: true });

/** A light reason, ready to show: its code, colour and the sentence in the request's language. */
export const LightReasonText = z.object({ code: z.string(), level: z.enum(['green', 'yellow', 'red']), text: z.string() });
export const ItemLight = z.object({ light: z.enum(LIGHTS), lightReasons: z.array(LightReasonText) });

export const Report = z.object({
  id: Id,
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  itemCode: z.string().nullable(),
  itemTitle: z.string().nullable(),
  unitId: Id,
  unitName: z.string().nullable(),
  period: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  text: z.string(),
  percent: z.string().nullable(),
  actual: z.string().nullable(),
  investment: z.string().nullable(),
  stage: z.enum(PROJECT_STAGES).nullable(),
  late: z.boolean(),
  returnReason: z.string().nullable(),
  createdById: Id.nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  version: z.number(),
});
export type Report = z.infer<typeof Report>;
/** A line of the report list: the report with its evidence files, so a reviewer's list shows the photos (the unit head approves from it on a phone). */
export const ReportListItem = Report.extend({ evidence: z.array(Evidence) });
export type ReportListItem = z.infer<typeof ReportListItem>;

export const ReportStepRecord = z.object({
  id: z.number(),
  action: z.enum(REPORT_ACTIONS),
  fromStatus: z.enum(REPORT_STATUSES),
  toStatus: z.enum(REPORT_STATUSES),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

/** One report with its timed history, evidence, blockers and the item's light. */
export const ReportDetail = Report.extend({
  steps: z.array(ReportStepRecord),
  evidence: z.array(Evidence),
  blockers: z.array(Blocker),
  item: ItemLight.nullable(),
  /** On a task, the reporting unit's claim now (its report goes up only once it is approved); null otherwise. */
  claimStatus: z.enum(CLAIM_STATUSES).nullable(),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

