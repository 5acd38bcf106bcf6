import type { z } from 'zod';
import type { Blocker as BlockerSchema } from '../../domain/schemas/blocker.js';
import type { Evidence as EvidenceSchema } from '../../domain/schemas/evidence.js';
import type { Plan as PlanSchema, PlanDetail as PlanDetailSchema, PlanVersion as PlanVersionSchema } from '../../domain/schemas/plan.js';
import type { Area as AreaSchema, Program as ProgramSchema } from '../../domain/schemas/program.js';
import type { Project as ProjectSchema, ProjectDetail as ProjectDetailSchema } from '../../domain/schemas/project.js';
import type { RollupRow as RollupRowSchema } from '../../domain/schemas/rollup.js';
import type { Report as ReportSchema, ReportBrief as ReportBriefSchema, ReportDetail as ReportDetailSchema, ReportListItem as ReportListItemSchema } from '../../domain/schemas/report.js';
import type { Target as TargetSchema, TargetDetail as TargetDetailSchema } from '../../domain/schemas/target.js';
import type { TaskDetail as TaskDetailSchema, TaskItem as TaskItemSchema, TaskUnit as TaskUnitSchema } from '../../domain/schemas/task.js';
import type { LightCounts as LightCountsSchema, LightReason as LightReasonSchema } from '../../domain/schemas/work.js';
import type { HqWorkbench as HqSchema, LeaderWorkbench as LeaderSchema, TaskForceWorkbench as TfSchema, UnitWorkbench as UnitSchema } from '../../domain/schemas/workbench.js';
import type { PageInfo, Policies } from './types.js';

/** Response types of the work API, inferred from the shared zod schemas (domain/schemas). */
export type Program = z.infer<typeof ProgramSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanDetail = z.infer<typeof PlanDetailSchema>;
export type PlanVersion = z.infer<typeof PlanVersionSchema>;
export type TaskItem = z.infer<typeof TaskItemSchema>;
export type TaskDetail = z.infer<typeof TaskDetailSchema>;
export type TaskUnit = z.infer<typeof TaskUnitSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type TargetDetail = z.infer<typeof TargetDetailSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ReportListItem = z.infer<typeof ReportListItemSchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;
export type ReportBrief = z.infer<typeof ReportBriefSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Blocker = z.infer<typeof BlockerSchema>;
export type LightCounts = z.infer<typeof LightCountsSchema>;
export type RollupRow = z.infer<typeof RollupRowSchema>;
/** A reason as lists and details send it; workbench lines omit `params`. */
export type LightReasonView = Pick<z.infer<typeof LightReasonSchema>, 'code' | 'level' | 'text'>;
export type UnitWorkbench = z.infer<typeof UnitSchema>;
export type TaskForceWorkbench = z.infer<typeof TfSchema>;
export type HqWorkbench = z.infer<typeof HqSchema>;
export type LeaderWorkbench = z.infer<typeof LeaderSchema>;

/** A list whose items carry lights: the page, and counts by light over the whole filtered set. */
export interface LightList<T> {
  data: T[];
  page: PageInfo;
  counts: LightCounts;
  policies: Policies;
}
