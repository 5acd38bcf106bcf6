import { Flex } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { getMeeting } from '../../api/meetings.js';
import { qk } from '../../api/queryKeys.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { AgendaCard } from './AgendaCard.js';
import { DecisionsCard } from './DecisionsCard.js';
import { MeetingHeader } from './MeetingHeader.js';
import { MinutesCard } from './MinutesCard.js';

/** One meeting: who meets when, its agenda (what was heard, reviewed, deployed), its decisions tracked to reply, its minutes. */
export function MeetingPage() {
  const { id = '' } = useParams();
  // Read again on return to the tab: the decisions' replies and lights move while the office is elsewhere.
  const q = useQuery({ queryKey: qk.meetings.detail(id), queryFn: () => getMeeting(id), refetchOnWindowFocus: true });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: meeting, policies } = q.data;
  const reload = async () => {
    await q.refetch();
  };
  return (
    <Flex vertical gap={16} data-testid="meeting-page" style={{ minWidth: 0 }}>
      <MeetingHeader meeting={meeting} policies={policies} reload={reload} />
      <AgendaCard meeting={meeting} policies={policies} reload={reload} />
      <DecisionsCard meeting={meeting} policies={policies} />
      <MinutesCard meeting={meeting} policies={policies} />
    </Flex>
  );
}
