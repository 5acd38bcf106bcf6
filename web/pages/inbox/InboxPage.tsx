import { App, Button, Card, Empty, Flex, List, Pagination, Skeleton, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { digestLinePath as linePath, noticeSubjectPath } from '../../../domain/itemPaths.js';
import { itemLine, stepWord } from '../../../domain/reminders/words.js';
import { listInbox, markAllRead, markRead, type InboxMessage } from '../../api/inbox.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { errorMessage } from '../../components/formErrors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useAddressFilters } from '../../components/useAddressFilters.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

const PER_PAGE = 20;
const STEP_COLOURS = { before: 'blue', remind: 'gold', urge: 'orange', supervise: 'red' } as const;


/**
 * 消息: the day's reminder digests and the 督查 notices to the reader's unit, newest first (unread
 * only if asked, in the address). Opening a line marks its message read and goes to the item (a
 * report still owed: its form); a notice opens its late item or ledger finding, or the notices list to 签收.
 */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [sp, set] = useAddressFilters();
  const unreadOnly = sp.get('unread') === 'true';
  const page = Number(sp.get('page')) || 1;
  const filter = { unread: unreadOnly, page, perPage: PER_PAGE };
  const list = useQuery({ queryKey: qk.inbox.list(filter), queryFn: () => listInbox(filter) });
  const read = useMutation({ mutationFn: markRead, onSuccess: () => invalidate(qc, qk.inbox.all) });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: async (r) => {
      void message.success(t('inbox.markedAll', { n: r.data.marked }));
      await invalidate(qc, qk.inbox.all);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  /** Marks the message read (when it is not) before leaving for what it is about. */
  const open = async (m: InboxMessage, path: string) => {
    if (!m.readAt) await read.mutateAsync(m.id).catch(() => undefined);
    navigate(path);
  };
  const messages = list.data?.data ?? [];

  return (
    <PageCard
      title={t('inbox.title')}
      testId="inbox-page"
      extra={
        <Flex gap={12} align="center">
          <Switch checked={unreadOnly} onChange={(v) => set({ unread: v ? 'true' : undefined, page: undefined })} data-testid="inbox-unread-only" />
          <span>{t('inbox.unreadOnly')}</span>
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending} data-testid="inbox-read-all">
            {t('inbox.readAll')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('inbox.help')}</Typography.Paragraph>
      {list.isPending ? (
        <Skeleton active />
      ) : messages.length === 0 ? (
        <Empty description={t(unreadOnly ? 'inbox.emptyUnread' : 'inbox.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {messages.map((m) => (
            <Card
              key={m.id}
              size="small"
              data-testid="inbox-message"
              data-read={m.readAt ? 'true' : 'false'}
              style={m.readAt ? undefined : { borderColor: '#1677ff' }}
              title={
                <Flex gap={8} align="center" wrap>
                  {!m.readAt && <Tag color="blue">{t('inbox.unread')}</Tag>}
                  <Typography.Text strong={!m.readAt} style={{ whiteSpace: 'normal' }}>
                    {m.title}
                  </Typography.Text>
                </Flex>
              }
              extra={
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
                  {!m.readAt && (
                    <Button size="small" type="link" onClick={() => read.mutate(m.id)} data-testid="inbox-mark-read">
                      {t('inbox.markRead')}
                    </Button>
                  )}
                </Flex>
              }
            >
              {m.notice ? (
                <Flex gap={12} align="center" wrap>
                  {/* The notice opens what it is about (the late item or ledger finding); 签收 stays on the notices list. */}
                  <Link to={noticeSubjectPath(m.notice)} onClick={(e) => (e.preventDefault(), void open(m, noticeSubjectPath(m.notice!)))} data-testid="inbox-open-subject">
                    {m.notice.subjectTitle}
                  </Link>
                  <Typography.Text>{t('inbox.noticeReply', { day: formatDate(m.notice.replyBy) })}</Typography.Text>
                  <Link to="/notices" onClick={(e) => (e.preventDefault(), void open(m, '/notices'))} data-testid="inbox-open-notice">
                    {t('inbox.openNotice')}
                  </Link>
                </Flex>
              ) : (
                <List
                  size="small"
                  dataSource={m.items}
                  renderItem={(i) => (
                    <List.Item>
                      <Flex gap={8} align="baseline" wrap>
                        <Tag color={STEP_COLOURS[i.step]}>{stepWord(i.step, i.kind, lang)}</Tag>
                        <Link to={linePath(i)} onClick={(e) => (e.preventDefault(), void open(m, linePath(i)))} data-testid="inbox-line">
                          {itemLine(i, lang)}
                        </Link>
                        {i.unitName && <Typography.Text type="secondary">{t('inbox.unit', { unit: i.unitName })}</Typography.Text>}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          ))}
          <Pagination current={page} pageSize={PER_PAGE} total={list.data?.page?.total ?? 0} showSizeChanger={false} hideOnSinglePage onChange={(p) => set({ page: String(p) })} />
        </Flex>
      )}
    </PageCard>
  );
}
