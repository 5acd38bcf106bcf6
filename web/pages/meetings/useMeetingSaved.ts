import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { MeetingReply } from '../../api/meetings.js';
import { invalidate, qk } from '../../api/queryKeys.js';

/**
 * What a meeting's write does to the cache: its page takes the meeting the server answered with
 * (its new version at once, for the next edit), and its lists and what else the write touched
 * (`also`) are read again.
 */
export function useMeetingSaved() {
  const qc = useQueryClient();
  return async (saved: MeetingReply, ...also: QueryKey[]) => {
    qc.setQueryData(qk.meetings.detail(saved.data.id), saved);
    await invalidate(qc, qk.meetings.lists, ...also);
  };
}
