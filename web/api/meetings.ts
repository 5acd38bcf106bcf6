import type { z } from 'zod';
import type { MeetingKind, MeetingStatus, ReviewOutcome } from '../../domain/meetings.js';
import type {
  AgendaItem as AgendaItemSchema,
  AgendaItemCreate,
  AgendaItemUpdate,
  DecisionCreate,
  Meeting as MeetingSchema,
  MeetingCreate,
  MeetingDetail as MeetingDetailSchema,
  MeetingUpdate,
  StatusSnapshot as StatusSnapshotSchema,
} from '../../domain/schemas/meeting.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export type StatusSnapshot = z.infer<typeof StatusSnapshotSchema>;
export type Decision = MeetingDetail['decisions'][number];
/** Every write answers with the whole meeting as the user may now read it. */
export type MeetingReply = Item<MeetingDetail>;

export const listMeetings = (f: { kind?: MeetingKind | undefined; status?: MeetingStatus | undefined; q?: string | undefined; page?: number; perPage?: number } = {}) =>
  api<List<Meeting>>('/meetings', { query: { perPage: 50, ...f } });
export const getMeeting = (id: string) => api<MeetingReply>(`/meetings/${id}`);
export const createMeeting = (body: z.input<typeof MeetingCreate>) => api<MeetingReply>('/meetings', { method: 'POST', body });
export const updateMeeting = (id: string, body: z.input<typeof MeetingUpdate>) => api<MeetingReply>(`/meetings/${id}`, { method: 'PATCH', body });
/** 印发纪要: the meeting closes and takes no more changes. */
export const closeMeeting = (id: string, version: number) => api<MeetingReply>(`/meetings/${id}/close`, { method: 'POST', body: { version } });

export const addAgendaItem = (id: string, body: z.input<typeof AgendaItemCreate>) => api<MeetingReply>(`/meetings/${id}/agenda`, { method: 'POST', body });
export const updateAgendaItem = (id: string, itemId: string, body: z.input<typeof AgendaItemUpdate>) =>
  api<MeetingReply>(`/meetings/${id}/agenda/${itemId}`, { method: 'PATCH', body });
export const removeAgendaItem = (id: string, itemId: string, version: number) => api<MeetingReply>(`/meetings/${id}/agenda/${itemId}`, { method: 'DELETE', query: { version } });
/** A hearing's status taken again (the meeting moved; the status moved on). */
export const retakeSnapshot = (id: string, itemId: string, version: number) =>
  api<MeetingReply>(`/meetings/${id}/agenda/${itemId}/snapshot`, { method: 'POST', body: { version } });
/** A 审议's outcome: the plan under review is approved, or returned with the reason. */
export const recordOutcome = (id: string, itemId: string, body: { version: number; outcome: ReviewOutcome; reason?: string }) =>
  api<MeetingReply>(`/meetings/${id}/agenda/${itemId}/outcome`, { method: 'POST', body });
/** A 议定事项: out at once to its units as an order of kind decision. */
export const addDecision = (id: string, body: z.input<typeof DecisionCreate>) => api<MeetingReply>(`/meetings/${id}/decisions`, { method: 'POST', body });

/** The documents: plain links, so the browser saves them with the server's file names. */
export const meetingPackUrl = (id: string) => apiUrl(`/meetings/${id}/pack.docx`);
export const meetingMinutesUrl = (id: string) => apiUrl(`/meetings/${id}/minutes.docx`);
