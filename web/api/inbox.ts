import type { z } from 'zod';
import type { Delivery as DeliverySchema, InboxMessage as InboxMessageSchema, NotificationSettings as SettingsSchema, RobotCreate } from '../../domain/schemas/reminder.js';
import type { LadderSettings } from '../../domain/reminders/ladder.js';
import type { SmtpChannelUpdate } from '../../domain/schemas/smtpChannel.js';
import { api } from './client.js';
import type { Item, List } from './types.js';

export type InboxMessage = z.infer<typeof InboxMessageSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;
export type NotificationSettings = z.infer<typeof SettingsSchema>;

/** The signed-in user's messages, newest first. */
export const listInbox = (f: { unread?: boolean; page?: number; perPage?: number } = {}) =>
  api<List<InboxMessage>>('/inbox', { query: { perPage: 20, page: f.page ?? 1, ...(f.perPage ? { perPage: f.perPage } : {}), ...(f.unread ? { unread: 'true' } : {}) } });
/** The bell's number. */
export const getUnread = () => api<{ data: { unread: number } }>('/inbox/unread');
export const markRead = (id: string) => api<Item<InboxMessage>>(`/inbox/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<{ data: { marked: number } }>('/inbox/read-all', { method: 'POST' });

/** The HQ office's ladder and channels. */
export const getNotificationSettings = () => api<Item<NotificationSettings>>('/notification-channels');
export const putNotificationSettings = (version: number, ladder: LadderSettings) => api<Item<NotificationSettings>>('/notification-channels', { method: 'PUT', body: { version, ...ladder } });
/** The delivery log: what went to whom and whether it arrived. */
export const listDeliveries = (f: { day?: string | undefined; status?: string | undefined; page?: number; perPage?: number } = {}) =>
  api<List<Delivery>>('/notifications', { query: { perPage: 20, ...f } });

/** A unit's WeCom or DingTalk group robot (the server accepts only the platforms' own addresses). */
export const addRobot = (body: z.input<typeof RobotCreate>) => api<Item<NotificationSettings>>('/notification-channels/robots', { method: 'POST', body });
/** The mail server; a password left out keeps the stored one (the answer only says whether one is set). */
export const putSmtp = (body: z.input<typeof SmtpChannelUpdate>) => api<Item<NotificationSettings>>('/notification-channels/smtp', { method: 'PUT', body });
/** A test message, sent at once: whether the server or robot took it, and what it said when not. */
export interface ChannelTestResult {
  sent: boolean;
  to: string | null;
  error: string | null;
  message: string;
}
export const testSmtp = (recipient?: string) => api<{ data: ChannelTestResult }>('/notification-channels/smtp/test', { method: 'POST', body: recipient ? { recipient } : {} });
export const testRobot = (id: string) => api<{ data: ChannelTestResult }>(`/notification-channels/robots/${id}/test`, { method: 'POST' });
export const removeRobot = (id: string) => api<Item<NotificationSettings>>(`/notification-channels/robots/${id}`, { method: 'DELETE' });
