import type { z } from 'zod';
import type { BulletinStatus } from '../../domain/bulletin.js';
import type { NoticeColour, NoticeKind, NoticeStatus } from '../../domain/notices.js';
import type { Bulletin as BulletinSchema, BulletinCreate, BulletinUpdate } from '../../domain/schemas/bulletin.js';
import type { Notice as NoticeSchema, NoticeCreate } from '../../domain/schemas/notice.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Bulletin = z.infer<typeof BulletinSchema>;
export type Notice = z.infer<typeof NoticeSchema>;

/** 督查通报: drafts for inspectors and the overseers, issued ones for units too. */
export const listBulletins = (f: { status?: BulletinStatus | undefined; page?: number; perPage?: number } = {}) => api<List<Bulletin>>('/bulletins', { query: { perPage: 20, ...f } });
export const getBulletin = (id: string) => api<Item<Bulletin>>(`/bulletins/${id}`);
export const createBulletin = (body: z.input<typeof BulletinCreate>) => api<Item<Bulletin>>('/bulletins', { method: 'POST', body });
export const updateBulletin = (id: string, body: z.input<typeof BulletinUpdate>) => api<Item<Bulletin>>(`/bulletins/${id}`, { method: 'PATCH', body });
/** 签发: the text is frozen and its .docx generated once. */
export const issueBulletin = (id: string, version: number) => api<Item<Bulletin>>(`/bulletins/${id}/issue`, { method: 'POST', body: { version } });
/** The issued bulletin's frozen .docx, or a draft's preview: a plain link, saved under the server's file name. */
export const bulletinDocxUrl = (id: string) => apiUrl(`/bulletins/${id}.docx`, {});

export interface NoticeFilter {
  unit?: string | undefined;
  kind?: NoticeKind | undefined;
  colour?: NoticeColour | undefined;
  status?: NoticeStatus | undefined;
  subjectId?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}
/** 催办单/督办单 as the reader may see them (a unit its own). */
export const listNotices = (f: NoticeFilter = {}) => api<List<Notice>>('/notices', { query: { perPage: 20, ...f } });
export const issueNotice = (body: z.input<typeof NoticeCreate>) => api<Item<Notice>>('/notices', { method: 'POST', body });
export const acknowledgeNotice = (id: string, version: number) => api<Item<Notice>>(`/notices/${id}/acknowledge`, { method: 'POST', body: { version } });
export const noticeDocxUrl = (id: string) => apiUrl(`/notices/${id}.docx`, {});
