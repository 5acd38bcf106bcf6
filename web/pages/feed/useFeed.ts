import { useEffect, useRef, useState } from 'react';
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { FeedEvent } from '../../../domain/schemas/feed.js';
import { feedStreamUrl, listFeed, type FeedFilter, type FeedPage } from '../../api/feed.js';
import { qk } from '../../api/queryKeys.js';

/** Events kept on screen from the stream before the oldest are let go (a page left open all day). */
const MAX_LIVE = 500;

export type FeedConnection = 'connecting' | 'live' | 'retrying';

/**
 * The feed of one filter: its pages, newest first, and new events pushed by the server as they
 * happen (Server-Sent Events), put at the top of the first page without a reload. The browser's
 * EventSource reconnects by itself and says which event it saw last, so none are missed.
 */
export function useFeed(filter: FeedFilter, perPage = 30) {
  const qc = useQueryClient();
  const key = qk.feed.list({ ...filter, perPage });
  const pages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listFeed({ ...filter, perPage, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    // The stream keeps it current: a refetch would only drop what it added.
    staleTime: Infinity,
  });
  const [connection, setConnection] = useState<FeedConnection>('connecting');
  const loaded = pages.isSuccess;
  const newest = useRef<number | undefined>(undefined);
  newest.current = pages.data?.pages[0]?.data[0]?.id;
  const filterKey = JSON.stringify(key);

  useEffect(() => {
    if (!loaded || typeof EventSource === 'undefined') return;
    const source = new EventSource(feedStreamUrl(filter, newest.current ?? 0));
    source.onopen = () => setConnection('live');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'retrying' : 'connecting');
    source.onmessage = (m: MessageEvent<string>) => {
      const event = JSON.parse(m.data) as FeedEvent;
      qc.setQueryData<InfiniteData<FeedPage, number | undefined>>(key, (data) => {
        if (!data?.pages[0] || data.pages.some((p) => p.data.some((e) => e.id === event.id))) return data;
        const [first, ...rest] = data.pages;
        return { ...data, pages: [{ ...first, data: [event, ...first.data].slice(0, MAX_LIVE) }, ...rest] };
      });
    };
    return () => source.close();
    // One connection per filter (filterKey stands for filter and key), opened once its first page is in.
  }, [loaded, filterKey]);

  const events = pages.data?.pages.flatMap((p) => p.data) ?? [];
  return { pages, events, connection };
}
