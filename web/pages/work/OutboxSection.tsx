import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { newReportPath } from '../../../domain/itemPaths.js';
import { reportChanged } from '../../api/queryKeys.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { resend, type QueuedReport } from '../../offline/outboxState.js';
import { deleteQueued, putQueued } from '../../offline/outboxStore.js';
import { flushOutbox } from '../../offline/sendQueued.js';

const STATE_COLOR = { waiting: 'processing', sending: 'blue', held: 'error' } as const;

/**
 * 待发送: the reports kept on this device, each with its state and, when the server refused it,
 * why; 重新发送, 修改 and 删除 on those held back. Shown only while the queue has any.
 */
export function OutboxSection({ entries, userId }: { entries: QueuedReport[]; userId: string }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  if (!entries.length) return null;

  const sendAgain = async (e: QueuedReport) => {
    await putQueued(resend(e));
    if ((await flushOutbox(userId)) > 0) await reportChanged(qc);
  };
  // A report the server already holds as a draft is fixed on its own page; one never created, in the form again.
  const edit = async (e: QueuedReport) => {
    if (e.reportId) {
      await deleteQueued(e.key);
      navigate(`/reports/${e.reportId}`);
    } else navigate(`${newReportPath(e.item.itemType, e.item.itemId, e.period)}&queued=${e.key}`);
  };
  const remove = (e: QueuedReport) =>
    modal.confirm({ title: t('outbox.deleteConfirm'), okText: t('outbox.delete'), okButtonProps: { danger: true, 'data-testid': 'outbox-delete-ok' } as never, onOk: () => deleteQueued(e.key) });

  return (
    <Card
      size="small"
      data-testid="wb-outbox"
      title={
        <Flex align="center" gap={8}>
          <span>{t('outbox.title')}</span>
          <Tag color="warning" data-testid="wb-outbox-count">
            {entries.length}
          </Tag>
        </Flex>
      }
      styles={{ body: { paddingBlock: 4 } }}
    >
      <List
        dataSource={entries}
        renderItem={(e) => (
          <List.Item key={e.key} data-testid="wb-outbox-line" data-item={e.item.itemId} data-state={e.state} style={{ flexWrap: 'wrap', gap: 8 }}>
            <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
              <Flex gap={6} align="center" wrap>
                <Tag color={STATE_COLOR[e.state]} style={{ marginInlineEnd: 0 }} data-testid="wb-outbox-state">
                  {t(`outbox.${e.state}`)}
                </Tag>
                <Typography.Text style={{ minWidth: 0, wordBreak: 'break-word' }}>
                  <Typography.Text type="secondary">{e.item.code}</Typography.Text> {e.item.title}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('outbox.meta', { period: e.period, photos: e.photos.length + e.body.evidence.length, time: formatDateTime(e.queuedAt) })}
              </Typography.Text>
              {e.problem && (
                <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="wb-outbox-problem">
                  {e.problem.message}
                </Typography.Text>
              )}
            </Flex>
            {e.state !== 'sending' && (
              <Flex gap={6} wrap>
                {e.state === 'held' && (
                  <Button size="small" type="primary" onClick={() => void sendAgain(e)} data-testid="wb-outbox-resend">
                    {t('outbox.resend')}
                  </Button>
                )}
                <Button size="small" onClick={() => void edit(e)} data-testid="wb-outbox-edit">
                  {t('outbox.edit')}
                </Button>
                <Button size="small" danger onClick={() => remove(e)} data-testid="wb-outbox-delete">
                  {t('outbox.delete')}
                </Button>
              </Flex>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
