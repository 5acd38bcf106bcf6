import type { z } from 'zod';
import type { CaseComplaint as CaseComplaintSchema, ComplaintCreate, ComplaintPublicView } from '../../domain/schemas/complaint.js';
import { api } from './client.js';
import type { Item } from './types.js';

export type CaseComplaint = z.infer<typeof CaseComplaintSchema>;
export type PublicComplaint = z.infer<typeof ComplaintPublicView>;

/** 营商环境投诉, public (no login): file one, answered with its tracking code. */
export const fileComplaint = (body: z.input<typeof ComplaintCreate>) =>
  api<{ data: { trackingCode: string } }>('/public/complaints', { method: 'POST', body, noAuthRedirect: true });
/** Its status and public reply by the tracking code (404 when there is none). */
export const lookupComplaint = (code: string) => api<{ data: PublicComplaint }>(`/public/complaints/${encodeURIComponent(code.trim())}`, { noAuthRedirect: true });

/** The complaint behind a case, and its 公开答复: the oversight role's alone. */
export const getCaseComplaint = (caseId: string) => api<Item<CaseComplaint>>(`/oversight/cases/${caseId}/complaint`);
export const replyComplaint = (caseId: string, reply: string) => api<Item<CaseComplaint>>(`/oversight/cases/${caseId}/public-reply`, { method: 'POST', body: { reply } });
