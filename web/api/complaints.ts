import type { z } from 'zod';
import type { CaseComplaint as CaseComplaintSchema, ComplaintCreate, ComplaintPublicView } from '../../domain/schemas/complaint.js';
import { api } from './client.js';
import type { Item } from './types.js';

export type CaseComplaint = z.infer<typeof CaseComplaintSchema>;
export type PublicComplaint = z.infer<typeof ComplaintPublicView>;

/**
 * 营商环境投诉, public (no login): file one, answered with its tracking code. With files it goes as
 * a multipart form — the same fields as text, the files in `files` — else as JSON.
 */
export const fileComplaint = (values: z.input<typeof ComplaintCreate>, files: readonly File[] = []) =>
  api<{ data: { trackingCode: string } }>('/public/complaints', { method: 'POST', body: files.length ? complaintForm(values, files) : values, noAuthRedirect: true });

function complaintForm(values: z.input<typeof ComplaintCreate>, files: readonly File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') form.append(k, String(v));
  for (const f of files) form.append('files', f, f.name);
  return form;
}
/** Its status and public reply by the tracking code (404 when there is none). */
export const lookupComplaint = (code: string) => api<{ data: PublicComplaint }>(`/public/complaints/${encodeURIComponent(code.trim())}`, { noAuthRedirect: true });

/** The complaint behind a case, and its 公开答复: the oversight role's alone. */
export const getCaseComplaint = (caseId: string) => api<Item<CaseComplaint>>(`/oversight/cases/${caseId}/complaint`);
/** Where the oversight role opens one of a complaint's files (a photo in the browser, a PDF saved). */
export const complaintFileUrl = (caseId: string, sha256: string) => `/api/oversight/cases/${caseId}/complaint/files/${sha256}`;
export const replyComplaint = (caseId: string, reply: string) => api<Item<CaseComplaint>>(`/oversight/cases/${caseId}/public-reply`, { method: 'POST', body: { reply } });
