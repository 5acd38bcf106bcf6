import type { z } from 'zod';
import type { ClaimBody, UnclaimedItem } from '../../domain/schemas/claim.js';
import type { MilestoneCreate, MilestoneUpdate, TaskCreate, TaskUpdate } from '../../domain/schemas/task.js';
import type { Light } from '../../domain/lights.js';
import type { ClaimStatus, PlanStatus } from '../../domain/work.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';
import type { HistoryLine } from '../../domain/schemas/history.js';
import type { PlanCreate, PlanUpdate } from '../../domain/schemas/plan.js';
import type { ProjectCreate, ProjectPlanPut, ProjectUpdate } from '../../domain/schemas/project.js';
import type { ActualCreate, TargetCreate, TargetUpdate, TrajectoryPut } from '../../domain/schemas/target.js';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { Area, LightList, Plan, PlanDetail, PlanVersion, Program, Project, ProjectDetail, RollupRow, Target, TargetDetail, TaskDetail, TaskItem } from './workTypes.js';

/** Filters shared by the task, target and project lists (server side). */
export interface ItemFilter {
  page: number;
  perPage: number;
  /** Within this region of the reader's (a drill-down from the dashboard). */
  region?: string | undefined;
  q?: string | undefined;
  plan?: string | undefined;
  area?: string | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  taskForce?: string | undefined;
}
export interface TaskFilter extends ItemFilter {
  dueBefore?: string | undefined;
  sort?: 'deadline' | 'light' | 'code' | 'progress' | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export const listPrograms = () => api<List<Program>>('/programs', { query: { perPage: 100 } });
export const listAreas = (programId: string) => api<List<Area>>(`/programs/${programId}/areas`);

export const listPlans = (f: { page?: number; perPage?: number; status?: PlanStatus | undefined } = {}) => api<List<Plan>>('/plans', { query: { perPage: 100, ...f } });
export const getPlan = (id: string) => api<Item<PlanDetail>>(`/plans/${id}`);
export const createPlan = (input: z.input<typeof PlanCreate>) => api<Item<PlanDetail>>('/plans', { method: 'POST', body: input });
export const updatePlan = (id: string, input: z.input<typeof PlanUpdate>) => api<Item<PlanDetail>>(`/plans/${id}`, { method: 'PATCH', body: input });
export const listPlanVersions = (id: string) => api<List<PlanVersion>>(`/plans/${id}/versions`);
export type PlanStep = 'submit' | 'approve' | 'publish' | 'return';
export const stepPlan = (id: string, step: PlanStep, body: { version: number; reason?: string; decisionRef?: string }) =>
  api<Item<PlanDetail>>(`/plans/${id}/${step}`, { method: 'POST', body });

/** The task list as the 任务分解表 workbook, with the list's filters. */
export const taskExportUrl = ({ page: _p, perPage: _pp, sort: _s, order: _o, ...f }: TaskFilter) => apiUrl('/exports/tasks.xlsx', { ...f });
/** 认领情况表: every unit's share of the tasks, with its status and measures. */
export const claimExportUrl = (f: { plan?: string; unit?: string; status?: ClaimStatus; role?: 'lead' | 'support' }) => apiUrl('/exports/claims.xlsx', { ...f });
export const listTasks = (f: TaskFilter) => api<LightList<TaskItem>>('/tasks', { query: { ...f } });
export const getTask = (id: string) => api<Item<TaskDetail>>(`/tasks/${id}`);
export const createTask = (input: z.input<typeof TaskCreate>) => api<Item<TaskDetail>>('/tasks', { method: 'POST', body: input });
export const updateTask = (id: string, input: z.input<typeof TaskUpdate>) => api<Item<TaskDetail>>(`/tasks/${id}`, { method: 'PATCH', body: input });
export type ClaimInput = z.input<typeof ClaimBody>;
export const claimTask = (id: string, input: ClaimInput) => api<Item<TaskDetail>>(`/tasks/${id}/claim`, { method: 'POST', body: input });
export const approveClaim = (id: string, body: { version: number; unitId: string }) => api<Item<TaskDetail>>(`/tasks/${id}/claim/approve`, { method: 'POST', body });
export const returnClaim = (id: string, body: { version: number; unitId: string; reason: string }) =>
  api<Item<TaskDetail>>(`/tasks/${id}/claim/return`, { method: 'POST', body });

/** Assigned units that have not claimed their task within `workdays` workdays (the HQ office's list). */
export const listUnclaimed = (f: { page?: number; perPage?: number; workdays?: number } = {}) => api<List<z.infer<typeof UnclaimedItem>>>('/claims/unclaimed', { query: { perPage: 50, ...f } });

export interface TargetFilter extends ItemFilter {
  sort?: 'code' | 'light' | undefined;
  order?: 'asc' | 'desc' | undefined;
}
export interface ProjectFilter extends ItemFilter {
  sort?: 'code' | 'light' | 'investment' | undefined;
  order?: 'asc' | 'desc' | undefined;
}
export const listTargets = (f: TargetFilter) => api<LightList<Target>>('/targets', { query: { ...f } });
/** The list as its workbook (主要指标表): the same filters and order, every page. */
export const targetExportUrl = ({ page: _page, perPage: _perPage, ...f }: TargetFilter) => apiUrl('/exports/targets.xlsx', { ...f });
export const getTarget = (id: string) => api<Item<TargetDetail>>(`/targets/${id}`);
export const createTarget = (input: z.input<typeof TargetCreate>) => api<Item<TargetDetail>>('/targets', { method: 'POST', body: input });
export const updateTarget = (id: string, input: z.input<typeof TargetUpdate>) => api<Item<TargetDetail>>(`/targets/${id}`, { method: 'PATCH', body: input });
export const setTrajectory = (id: string, input: z.input<typeof TrajectoryPut>) => api<Item<TargetDetail>>(`/targets/${id}/trajectory`, { method: 'PUT', body: input });
export const recordActual = (id: string, input: z.input<typeof ActualCreate>) => api<Item<unknown>>(`/targets/${id}/actuals`, { method: 'POST', body: input });

export const listProjects = (f: ProjectFilter) => api<LightList<Project>>('/projects', { query: { ...f } });
/** The list as its workbook (重点项目表): the same filters and order, every page. */
export const projectExportUrl = ({ page: _page, perPage: _perPage, ...f }: ProjectFilter) => apiUrl('/exports/projects.xlsx', { ...f });
export const getProject = (id: string) => api<Item<ProjectDetail>>(`/projects/${id}`);
export const createProject = (input: z.input<typeof ProjectCreate>) => api<Item<ProjectDetail>>('/projects', { method: 'POST', body: input });
export const updateProject = (id: string, input: z.input<typeof ProjectUpdate>) => api<Item<ProjectDetail>>(`/projects/${id}`, { method: 'PATCH', body: input });
export const setProjectPlan = (id: string, input: z.input<typeof ProjectPlanPut>) => api<Item<ProjectDetail>>(`/projects/${id}/plan`, { method: 'PUT', body: input });

/** Lights counted per plan, area, task force or unit (all three kinds of item, or one). */
export const getRollup = (by: RollupBy, item?: ItemType, region?: string) => api<{ data: RollupRow[] }>('/lights/rollup', { query: { by, item, region } });

/** An item's history (变更记录), newest first, its sentences in the user's language. */
export const getItemHistory = (type: ItemType, id: string) =>
  api<{ data: z.infer<typeof HistoryLine>[] }>(`/${type === 'task' ? 'tasks' : type === 'target' ? 'targets' : 'projects'}/${id}/history`);

export const addMilestone = (taskId: string, input: z.input<typeof MilestoneCreate>) => api<Item<unknown>>(`/tasks/${taskId}/milestones`, { method: 'POST', body: input });
export const updateMilestone = (taskId: string, id: string, input: z.input<typeof MilestoneUpdate>) =>
  api<Item<unknown>>(`/tasks/${taskId}/milestones/${id}`, { method: 'PATCH', body: input });
export const removeMilestone = (taskId: string, id: string) => api<unknown>(`/tasks/${taskId}/milestones/${id}`, { method: 'DELETE' });
