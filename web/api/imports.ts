import type { z } from 'zod';
import type { ImportPreviewView, ImportRowFix, ImportRowView, ItemImportRowView, TaskImportCommitResult } from '../../domain/schemas/import.js';
import { api, apiUpload } from './client.js';

/** Follows a long import: its job's name and the upload's progress (web/components/useJobProgress.ts). */
export interface Followed {
  jobId: string;
  onUpload: (sent: number, total: number) => void;
}

export type { ImportPreviewView, ImportRowView, ItemImportRowView };
export type ImportCommitResult = z.infer<typeof TaskImportCommitResult>;

/** A 任务分解表 (.xlsx) read into a preview for a plan; nothing is written until commit. */
export const previewTaskSheet = (planId: string, file: File, job: Followed) => previewSheet('tasks', planId, file, job);
/** A 指标表 or 重点项目表 (.xlsx) read into a preview of targets or projects under a plan. */
export const previewItemSheet = (kind: 'targets' | 'projects', planId: string, file: File, job: Followed) => previewSheet(kind, planId, file, job);

async function previewSheet(kind: 'tasks' | 'targets' | 'projects', planId: string, file: File, job: Followed) {
  const form = new FormData();
  form.append('planId', planId);
  form.append('file', file);
  return (await apiUpload<{ data: ImportPreviewView }>(`/imports/${kind}/preview`, form, job.jobId, job.onUpload)).data;
}
/** A pasted 方案 read into a preview for a plan. */
export const previewPlanText = async (planId: string, text: string, jobId?: string) =>
  (await api<{ data: ImportPreviewView }>('/imports/plan-text/preview', { method: 'POST', body: { planId, text }, jobId })).data;
export const getImport = async (id: string) => (await api<{ data: ImportPreviewView }>(`/imports/${id}`)).data;
/** One fix in the preview: a unit from its suggestions, the deadline (a task's) or a value cell (a target's or project's) written again. */
export const fixImportRow = async <R extends ImportRowView | ItemImportRowView = ImportRowView>(id: string, line: number, fix: z.input<typeof ImportRowFix>) =>
  (await api<{ data: R }>(`/imports/${id}/rows/${line}`, { method: 'PATCH', body: fix })).data;
export const commitTaskImport = async (id: string, jobId?: string) => (await api<{ data: ImportCommitResult }>(`/imports/${id}/commit`, { method: 'POST', jobId })).data;
