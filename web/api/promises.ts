import type { z } from 'zod';
import type { PromiseState, RequestStatus } from '../../domain/promises.js';
import type {
  CaseResponseRequest as CaseResponseRequestSchema,
  PromiseBreak,
  PromiseKeep,
  PromiseRecord as PromiseRecordSchema,
  PromiseSummary as PromiseSummarySchema,
  ResponseDraft,
  ResponseRequest as ResponseRequestSchema,
  ResponseRequestCreate,
  ResponseSend,
} from '../../domain/schemas/promise.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type ResponseRequest = z.infer<typeof ResponseRequestSchema>;
export type CaseResponseRequest = z.infer<typeof CaseResponseRequestSchema>;
export type PromiseRecord = z.infer<typeof PromiseRecordSchema>;
export type PromiseSummary = z.infer<typeof PromiseSummarySchema>;

/** 书面说明 from a case: the oversight role's, on its hidden routes. */
export const listCaseRequests = (caseId: string) => api<Item<CaseResponseRequest[]>>(`/oversight/cases/${caseId}/requests`);
export const askResponse = (caseId: string, body: z.input<typeof ResponseRequestCreate>) => api<Item<CaseResponseRequest[]>>(`/oversight/cases/${caseId}/requests`, { method: 'POST', body });

/** 书面说明 as the unit meets them. */
export const listResponseRequests = (f: { status?: RequestStatus | undefined; page?: number; perPage?: number } = {}) => api<List<ResponseRequest>>('/response-requests', { query: { perPage: 20, ...f } });
export const getResponseRequest = (id: string) => api<Item<ResponseRequest>>(`/response-requests/${id}`);
export const draftResponse = (id: string, version: number, body: Omit<z.input<typeof ResponseDraft>, 'version'>) =>
  api<Item<ResponseRequest>>(`/response-requests/${id}/draft`, { method: 'POST', body: { ...body, version } });
export const sendResponse = (id: string, version: number, body: Omit<z.input<typeof ResponseSend>, 'version'> = {}) =>
  api<Item<ResponseRequest>>(`/response-requests/${id}/send`, { method: 'POST', body: { ...body, version } });

/** 履约践诺台账. */
export interface PromiseFilter {
  state?: PromiseState | undefined;
  unit?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}
export const listPromises = (f: PromiseFilter = {}) => api<List<PromiseRecord>>('/promises', { query: { perPage: 20, ...f } });
export const promiseSummary = (unit?: string) => api<Item<PromiseSummary>>('/promises/summary', { query: unit ? { unit } : {} });
export const promisesXlsxUrl = ({ page: _p, perPage: _pp, ...f }: PromiseFilter) => apiUrl('/promises.xlsx', { ...f });
export const keepPromise = (id: string, version: number, body: Omit<z.input<typeof PromiseKeep>, 'version'>) => api<Item<PromiseRecord>>(`/promises/${id}/keep`, { method: 'POST', body: { ...body, version } });
export const breakPromise = (id: string, version: number, body: Omit<z.input<typeof PromiseBreak>, 'version'>) => api<Item<PromiseRecord>>(`/promises/${id}/break`, { method: 'POST', body: { ...body, version } });
