import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getUnread } from '../api/inbox.js';
import { qk } from '../api/queryKeys.js';
import { useI18n } from '../i18n/useI18n.js';

/** A minute: the digests come once a day and notices rarely; the count is one indexed read. */
const POLL_MS = 60_000;

/** 消息: the bell in the header, with the unread count; opens the inbox. */
export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useQuery({ queryKey: qk.inbox.unread, queryFn: getUnread, refetchInterval: POLL_MS });
  const n = unread.data?.data.unread ?? 0;
  return (
    <Badge count={n} size="small" offset={[-4, 4]} overflowCount={99}>
      <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.bell', { n })} data-testid="inbox-bell" data-unread={n} onClick={() => navigate('/inbox')} />
    </Badge>
  );
}
