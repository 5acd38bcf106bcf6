import { Modal, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getDispatch } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ReplyForm } from './ReplyForm.js';

/** The reply form of an order, opened from the unit's workbench: the order's text, then one form per unit the user replies for. */
export function ReplyModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.dispatches.detail(id), queryFn: () => getDispatch(id) });
  const d = q.data?.data;
  return (
    <Modal open title={d?.title ?? t('dispatch.reply')} onCancel={onClose} footer={null} width={680} data-testid="dispatch-reply-modal">
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {!d && !q.isError && <Spin />}
      {d && (
        <>
          <Typography.Paragraph type="secondary">
            {t(`dispatch.kind.${d.kind}`)} · {t('dispatch.deadline')} {formatDate(d.deadline)} · <Link to={`/dispatches/${d.id}`} data-testid="dispatch-reply-open-page">{t('dispatch.openPage')}</Link>
          </Typography.Paragraph>
          {d.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.content}</Typography.Paragraph>}
          {d.recipients
            .filter((r) => r.mayReply)
            .map((row) => (
              <ReplyForm key={`${row.unitId}:${row.version}`} dispatch={d} row={row} onDone={onClose} />
            ))}
        </>
      )}
    </Modal>
  );
}
