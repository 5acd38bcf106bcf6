import type { ReportCreateInput, ReportUpdateInput } from '../../domain/schemas/report.js';
import { IDEMPOTENCY_HEADER } from '../../domain/idempotencyKey.js';
import type { ItemType, ReportStatus } from '../../domain/work.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';
import type { z } from 'zod';
import type { BlockerAssign, BlockerCategory, BlockerCreate, BlockerLevel, BlockerStatus } from '../../domain/schemas/blocker.js';
import type { Blocker, Evidence, HqWorkbench, LeaderWorkbench, ReportBrief, ReportDetail, ReportListItem, TaskForceWorkbench, UnitWorkbench } from './workTypes.js';

export interface ReportFilter {
  page?: number;
  perPage?: number;
  itemType?: ItemType | undefined;
  item?: string | undefined;
  unit?: string | undefined;
  status?: ReportStatus | undefined;
  period?: string | undefined;
}

/** The reports as a workbook (every page), with the list's filters. */
/** 指挥部工作台: the desk's five lists, a sheet each (the HQ office's). */
export const hqDeskExportUrl = () => apiUrl('/exports/hq-desk.xlsx', {});
export const reportExportUrl = ({ page: _p, perPage: _pp, ...f }: ReportFilter) => apiUrl('/exports/reports.xlsx', { ...f });
export const listReports = (f: ReportFilter) => api<List<ReportListItem>>('/reports', { query: { perPage: 50, ...f } });
export const getReport = (id: string) => api<Item<ReportDetail>>(`/reports/${id}`);
/** POST /api/reports; with an Idempotency-Key, a retry of the same create (an answer lost on a poor signal) gets the first answer instead of a second report. */
export const createReport = (input: ReportCreateInput, idempotencyKey?: string) =>
  api<Item<ReportDetail>>('/reports', { method: 'POST', body: input, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) });
export const updateReport = (id: string, input: ReportUpdateInput) => api<Item<ReportDetail>>(`/reports/${id}`, { method: 'PATCH', body: input });
export type ReportStepName = 'submit' | 'approve' | 'review' | 'accept';
/** `key`: an Idempotency-Key, so that a retry after a lost answer gets the first answer instead of taking the step twice. */
const keyed = (key: string | undefined) => (key ? { [IDEMPOTENCY_HEADER]: key } : undefined);
export const stepReport = (id: string, step: ReportStepName, version: number, comment?: string, key?: string) =>
  api<Item<ReportDetail>>(`/reports/${id}/${step}`, { method: 'POST', body: { version, ...(comment ? { comment } : {}) }, headers: keyed(key) });
export const returnReport = (id: string, reason: string, version: number, key?: string) =>
  api<Item<ReportDetail>>(`/reports/${id}/return`, { method: 'POST', body: { reason, version }, headers: keyed(key) });

/** Uploads one evidence file; the server answers its SHA-256, which reports refer to. */
export async function uploadEvidence(file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file);
  return (await api<{ data: Evidence }>('/evidence', { method: 'POST', body: form })).data;
}
export const evidenceUrl = (sha256: string) => `/api/evidence/${sha256}`;

export interface BlockerFilter {
  /** Within this region of the reader's (a drill-down from the dashboard). */
  region?: string;
  item?: string;
  unit?: string;
  resolver?: string;
  status?: BlockerStatus | 'unresolved';
  level?: BlockerLevel;
  category?: BlockerCategory;
  page?: number;
  perPage?: number;
  sort?: 'newest' | 'oldest';
}
export const listBlockers = (f: BlockerFilter) => api<List<Blocker>>('/blockers', { query: { perPage: 50, ...f } });

export const unitWorkbench = (unit?: string) => api<{ data: UnitWorkbench }>('/workbench/unit', { query: { unit } });
export const taskForceWorkbench = () => api<{ data: TaskForceWorkbench }>('/workbench/task-force');
export const reportBrief = (itemType: ItemType, itemId: string) => api<Item<ReportBrief>>('/reports/brief', { query: { itemType, itemId } });
export const hqWorkbench = () => api<{ data: HqWorkbench }>('/workbench/hq');
export const leaderWorkbench = () => api<{ data: LeaderWorkbench }>('/workbench/leader');

/** 上报堵点 on an item directly (outside a report), as a unit that answers for it. */
export const raiseBlocker = (body: z.input<typeof BlockerCreate>) => api<Item<Blocker>>('/blockers', { method: 'POST', body });
export const getBlocker = (id: string) => api<Item<Blocker>>(`/blockers/${id}`);
const blockerStep = (id: string, step: string, body: Record<string, unknown>) => api<Item<Blocker>>(`/blockers/${id}/${step}`, { method: 'POST', body });
export const escalateBlocker = (id: string, version: number) => blockerStep(id, 'escalate', { version });
export const assignBlocker = (id: string, body: z.input<typeof BlockerAssign> & { version: number }) => blockerStep(id, 'assign', body);
export const decideBlocker = (id: string, decision: string, version: number) => blockerStep(id, 'decide', { decision, version });
export const returnBlocker = (id: string, body: { instruction: string; level?: BlockerLevel; version: number }) => blockerStep(id, 'return', body);
export const resolveBlocker = (id: string, resolution: string, version: number) => blockerStep(id, 'resolve', { resolution, version });
export const verifyBlocker = (id: string, version: number, note = '') => blockerStep(id, 'verify', { version, note });
export const reopenBlocker = (id: string, reason: string, version: number) => blockerStep(id, 'reopen', { reason, version });
