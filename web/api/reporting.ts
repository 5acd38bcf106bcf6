import type { ReportCreate, ReportUpdate } from '../../domain/schemas/report.js';
import type { ItemType, ReportStatus } from '../../domain/work.js';
import { api } from './client.js';
import type { Item, List } from './types.js';
import type { BlockerCreate, BlockerLevel } from '../../domain/schemas/blocker.js';
import type { Blocker, Evidence, HqWorkbench, LeaderWorkbench, Report, ReportBrief, ReportDetail, TaskForceWorkbench, UnitWorkbench } from './workTypes.js';

export interface ReportFilter {
  page?: number;
  perPage?: number;
  itemType?: ItemType | undefined;
  item?: string | undefined;
  unit?: string | undefined;
  status?: ReportStatus | undefined;
  period?: string | undefined;
}

export const listReports = (f: ReportFilter) => api<List<Report>>('/reports', { query: { perPage: 50, ...f } });
export const getReport = (id: string) => api<Item<ReportDetail>>(`/reports/${id}`);
export const createReport = (input: ReportCreate) => api<Item<ReportDetail>>('/reports', { method: 'POST', body: input });
export const updateReport = (id: string, input: ReportUpdate) => api<Item<ReportDetail>>(`/reports/${id}`, { method: 'PATCH', body: input });
export type ReportStepName = 'submit' | 'approve' | 'review' | 'accept';
export const stepReport = (id: string, step: ReportStepName, version: number, comment?: string) =>
  api<Item<ReportDetail>>(`/reports/${id}/${step}`, { method: 'POST', body: { version, ...(comment ? { comment } : {}) } });
export const returnReport = (id: string, reason: string, version: number) => api<Item<ReportDetail>>(`/reports/${id}/return`, { method: 'POST', body: { reason, version } });

/** Uploads one evidence file; the server answers its SHA-256, which reports refer to. */
export async function uploadEvidence(file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file);
  return (await api<{ data: Evidence }>('/evidence', { method: 'POST', body: form })).data;
}
export const evidenceUrl = (sha256: string) => `/api/evidence/${sha256}`;

export const listBlockers = (f: { item?: string; status?: 'open' | 'resolved'; level?: BlockerLevel; perPage?: number; sort?: 'newest' | 'oldest' }) => api<List<Blocker>>('/blockers', { query: { perPage: 50, ...f } });

export const unitWorkbench = (unit?: string) => api<{ data: UnitWorkbench }>('/workbench/unit', { query: { unit } });
export const taskForceWorkbench = () => api<{ data: TaskForceWorkbench }>('/workbench/task-force');
export const reportBrief = (itemType: ItemType, itemId: string) => api<Item<ReportBrief>>('/reports/brief', { query: { itemType, itemId } });
export const hqWorkbench = () => api<{ data: HqWorkbench }>('/workbench/hq');
export const leaderWorkbench = () => api<{ data: LeaderWorkbench }>('/workbench/leader');

/** 上报堵点 on an item directly (outside a report), as a unit that answers for it. */
export const raiseBlocker = (body: BlockerCreate) => api<Item<Blocker>>('/blockers', { method: 'POST', body });
export const getBlocker = (id: string) => api<Item<Blocker>>(`/blockers/${id}`);
export const escalateBlocker = (id: string, version: number) => api<Item<Blocker>>(`/blockers/${id}/escalate`, { method: 'POST', body: { version } });
export const instructBlocker = (id: string, body: { instruction: string; level?: BlockerLevel; version: number }) =>
  api<Item<Blocker>>(`/blockers/${id}/instruct`, { method: 'POST', body });
export const resolveBlocker = (id: string, resolution: string, version: number) => api<Item<Blocker>>(`/blockers/${id}/resolve`, { method: 'POST', body: { resolution, version } });
