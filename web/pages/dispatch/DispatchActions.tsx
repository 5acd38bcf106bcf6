import { useState } from 'react';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { dispatchResultsUrl, stepDispatch, type DispatchDetail, type DispatchStepName } from '../../api/dispatch.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can, type Policies } from '../../api/types.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DownloadButton } from '../../components/DownloadButton.js';

/** What the server allows now: edit (a draft), send, chase the units yet to reply, close, export the results. */
export function DispatchActions({ dispatch, policies, onEdit }: { dispatch: DispatchDetail; policies: Policies; onEdit: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);

  const run = async (step: DispatchStepName) => {
    setBusy(true);
    try {
      const pending = dispatch.recipients.filter((r) => r.status === 'pending').length;
      await stepDispatch(dispatch.id, step, dispatch.version);
      void message.success(step === 'chase' ? t('dispatch.chased', { n: pending }) : t(`dispatch.${step}`));
      await invalidate(qc, qk.dispatches.all, qk.workbench.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={8} wrap>
      {can(policies, 'update') && (
        <Button onClick={onEdit} data-testid="dispatch-edit">
          {t('common.edit')}
        </Button>
      )}
      {can(policies, 'send') && (
        <Popconfirm title={t('dispatch.sendConfirm')} onConfirm={() => run('send')} okButtonProps={{ 'data-testid': 'dispatch-send-ok' }}>
          <Button type="primary" loading={busy} data-testid="dispatch-send">
            {t('dispatch.send')}
          </Button>
        </Popconfirm>
      )}
      {can(policies, 'chase') && (
        <Button loading={busy} onClick={() => void run('chase')} disabled={dispatch.recipients.every((r) => r.status === 'replied')} data-testid="dispatch-chase">
          {t('dispatch.chase')}
        </Button>
      )}
      {can(policies, 'close') && (
        <Popconfirm title={t('dispatch.closeConfirm')} onConfirm={() => run('close')}>
          <Button danger loading={busy} data-testid="dispatch-close">
            {t('dispatch.close')}
          </Button>
        </Popconfirm>
      )}
      {can(policies, 'export') && (
        <DownloadButton href={dispatchResultsUrl(dispatch.id)} testId="dispatch-export">
          {t('dispatch.export')}
        </DownloadButton>
      )}
    </Flex>
  );
}
