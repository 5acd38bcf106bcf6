import type { FeedKind } from '../../domain/feed.js';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import { api, apiUrl } from './client.js';

export interface FeedFilter {
  kind?: FeedKind | undefined;
  area?: string | undefined;
  unit?: string | undefined;
}

export interface FeedPage {
  data: FeedEvent[];
  next: number | null;
  policies: Record<string, boolean>;
}

/** 工作动态, newest first; `before` an id for the page after it. */
export const listFeed = (f: FeedFilter & { before?: number | undefined; perPage?: number }) => api<FeedPage>('/feed', { query: { perPage: 30, ...f } });

/**
 * The stream's address (Server-Sent Events, sent with the session cookie). `lastEventId` is the newest
 * event already shown, so that nothing linked between the page and the connection is lost; on a
 * reconnect the browser sends its own Last-Event-ID header, which the server prefers.
 */
export const feedStreamUrl = (f: FeedFilter, lastEventId: number | undefined) => apiUrl('/feed/stream', { ...f, lastEventId });
