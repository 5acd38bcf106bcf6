import type { z } from 'zod';
import type { FieldVisit as FieldVisitSchema, FieldVisitCreate, FieldVisitDetail as FieldVisitDetailSchema, FindingToBlocker, FindingToFollowUp } from '../../domain/schemas/fieldVisit.js';
import { api } from './client.js';
import type { Item, List } from './types.js';

export type FieldVisit = z.infer<typeof FieldVisitSchema>;
export type FieldVisitDetail = z.infer<typeof FieldVisitDetailSchema>;
export type Finding = FieldVisitDetail['findings'][number];

export const listFieldVisits = (f: { page?: number; perPage?: number } = {}) => api<List<FieldVisit>>('/field-visits', { query: { perPage: 50, ...f } });
export const getFieldVisit = (id: string) => api<Item<FieldVisitDetail>>(`/field-visits/${id}`);
export const logFieldVisit = (body: z.input<typeof FieldVisitCreate>) => api<Item<FieldVisitDetail>>('/field-visits', { method: 'POST', body });
export const findingToBlocker = (id: string, findingId: string, body: z.input<typeof FindingToBlocker>) =>
  api<Item<FieldVisitDetail>>(`/field-visits/${id}/findings/${findingId}/blocker`, { method: 'POST', body });
export const findingToFollowUp = (id: string, findingId: string, body: z.input<typeof FindingToFollowUp>) =>
  api<Item<FieldVisitDetail>>(`/field-visits/${id}/findings/${findingId}/follow-up`, { method: 'POST', body });
