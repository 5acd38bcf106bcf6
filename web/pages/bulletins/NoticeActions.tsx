import { useState } from 'react';
import { App, Button, Flex, Popconfirm, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { acknowledgeNotice, issueNotice, noticeDocxUrl, type Notice } from '../../api/bulletins.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemWorkdaysLate, type LateReason, type NoticeSubject } from '../../../domain/notices.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';

/** The unit's 签收 (once, confirmed) and the download, for one notice. */
export function NoticeActions({ notice, mayAcknowledge }: { notice: Notice; mayAcknowledge: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const acknowledge = async () => {
    setBusy(true);
    try {
      await acknowledgeNotice(notice.id, notice.version);
      void message.success(t('notice.acknowledged'));
      await invalidate(qc, qk.notices.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} wrap>
      <Button size="small" icon={<DownloadOutlined />} href={noticeDocxUrl(notice.id)} data-testid="notice-download">
        {t('notice.download')}
      </Button>
      {mayAcknowledge && notice.status === 'sent' && (
        <Popconfirm title={t('notice.acknowledgeConfirm')} onConfirm={acknowledge} okButtonProps={{ 'data-testid': 'notice-acknowledge-ok' } as ButtonProps}>
          <Button size="small" type="primary" loading={busy} data-testid="notice-acknowledge">
            {t('notice.acknowledge')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

/** 发催办单/督办单 on a late ledger entry or an overdue item: the server picks kind and colour from the lateness. */
export function SendNoticeButton({ subjectType, subjectId, size }: { subjectType: NoticeSubject; subjectId: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const { data } = await issueNotice({ subject: { type: subjectType, id: subjectId } });
      void message.success(t('notice.sent', { name: `${t(`notice.colour.${data.colour}`)}${t(`notice.kind.${data.kind}`)}` }));
      await invalidate(qc, qk.notices.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('notice.sendConfirm')} onConfirm={send} okButtonProps={{ 'data-testid': 'notice-send-ok' } as ButtonProps}>
      <Button size={size} danger loading={busy} data-testid="notice-send">
        {t('notice.send')}
      </Button>
    </Popconfirm>
  );
}

/**
 * 发催办单/督办单 on a late task, target or project page, for inspectors and the HQ office (those
 * pages carry no notice policies, so the role and the light's lateness are read here; the server
 * decides again).
 */
export function ItemNoticeButton({ itemType, itemId, lightReasons }: { itemType: 'task' | 'target' | 'project'; itemId: string; lightReasons: readonly LateReason[] }) {
  const me = useCurrentUser();
  if (!roleCodes(me).some((r) => r === 'inspector' || r === 'hq_office') || itemWorkdaysLate(lightReasons) < 1) return null;
  return <SendNoticeButton subjectType={itemType} subjectId={itemId} />;
}
