import type { z } from 'zod';
import type {
  Adjustment as AdjustmentSchema,
  AdjustmentCreate,
  Appeal as AppealSchema,
  AppealCreate,
  AppealDecide,
  AppealRepublish,
  Breakdown as BreakdownSchema,
  MyResult as MyResultSchema,
  Result as ResultSchema,
  Scheme as SchemeSchema,
  SchemeCreate,
  SchemeUpdate,
} from '../../domain/schemas/assessment.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Scheme = z.infer<typeof SchemeSchema>;
export type Result = z.infer<typeof ResultSchema>;
export type Breakdown = z.infer<typeof BreakdownSchema>;
export type MyResult = z.infer<typeof MyResultSchema>;
export type Appeal = z.infer<typeof AppealSchema>;
export type Adjustment = z.infer<typeof AdjustmentSchema>;

/** 考核方案 with their results' revisions (the assessor sees the computed ones too). */
export const listSchemes = () => api<List<Scheme>>('/assessments', { query: { perPage: 100 } });
export const createScheme = (body: z.input<typeof SchemeCreate>) => api<Item<Scheme>>('/assessments', { method: 'POST', body });
export const updateScheme = (id: string, body: z.input<typeof SchemeUpdate>) => api<Item<Scheme>>(`/assessments/${id}`, { method: 'PATCH', body });
export const computeResult = (id: string, period: string) => api<Item<Result>>(`/assessments/${id}/compute`, { method: 'POST', body: { period } });
export const publishResult = (id: string, period: string) => api<Item<Result>>(`/assessments/${id}/publish`, { method: 'POST', body: { period } });
export const listAdjustments = (id: string, period?: string) => api<List<Adjustment>>(`/assessments/${id}/adjustments`, { query: { period } });
export const createAdjustment = (id: string, body: z.input<typeof AdjustmentCreate>) => api<Item<Adjustment>>(`/assessments/${id}/adjustments`, { method: 'POST', body });
export const approveAdjustment = (id: string, version: number) => api<Item<Adjustment>>(`/assessments/adjustments/${id}/approve`, { method: 'POST', body: { version } });
export const getResult = (id: string) => api<Item<Result>>(`/assessments/results/${id}`);
export const getBreakdown = (id: string, unitId: string) => api<Item<Breakdown>>(`/assessments/results/${id}/units/${unitId}`);
export const resultsXlsxUrl = (id: string) => apiUrl(`/assessments/results/${id}/results.xlsx`, {});
/** 考核结果: the user's units' published results. */
export const listMyResults = () => api<List<MyResult>>('/assessments/mine');
export const listAppeals = (status?: Appeal['status']) => api<List<Appeal>>('/assessments/appeals', { query: { perPage: 100, status } });
export const fileAppeal = (resultId: string, body: z.input<typeof AppealCreate>) => api<Item<Appeal>>(`/assessments/results/${resultId}/appeals`, { method: 'POST', body });
export const decideAppeal = (id: string, body: z.input<typeof AppealDecide>) => api<Item<Appeal>>(`/assessments/appeals/${id}/decide`, { method: 'POST', body });
export const republishAppeal = (id: string, body: z.input<typeof AppealRepublish>) => api<Item<Appeal>>(`/assessments/appeals/${id}/republish`, { method: 'POST', body });
