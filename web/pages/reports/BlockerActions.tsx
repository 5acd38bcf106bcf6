import { useState } from 'react';
import { App, Button, Flex, Input, Modal, type ButtonProps } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { escalateBlocker, getBlocker, resolveBlocker } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import type { Blocker } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * Escalate (unit → task force → HQ → leading group) or resolve one open blocker. The list's
 * policies are by role only, so this reads the blocker itself for its row policies and offers
 * exactly what they allow.
 */
export function BlockerActions({ blocker }: { blocker: Blocker }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const row = useQuery({ queryKey: ['blockers', blocker.id], queryFn: () => getBlocker(blocker.id) });
  const [resolving, setResolving] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const policies = row.data?.policies;
  const version = row.data?.data.version ?? blocker.version;
  if (!can(policies, 'escalate') && !can(policies, 'resolve')) return null;

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      void message.success(done);
      setResolving(false);
      await qc.invalidateQueries({ queryKey: ['blockers'] });
      await qc.invalidateQueries({ queryKey: ['reports'] });
      // The workbenches count open blockers by level (the HQ desk); they would show the old counts for a while.
      await qc.invalidateQueries({ queryKey: ['workbench'] });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={6} wrap style={{ marginTop: 4 }}>
      {can(policies, 'escalate') && (
        <Button size="small" loading={busy} onClick={() => void run(() => escalateBlocker(blocker.id, version), t('blocker.escalated'))} data-testid="blocker-escalate">
          {t('blocker.escalate')}
        </Button>
      )}
      {can(policies, 'resolve') && (
        <Button size="small" type="primary" onClick={() => setResolving(true)} data-testid="blocker-resolve">
          {t('blocker.resolve')}
        </Button>
      )}
      <Modal
        open={resolving}
        title={t('blocker.resolve')}
        okText={t('blocker.resolve')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !text.trim(), 'data-testid': 'blocker-resolve-ok' } as ButtonProps}
        onCancel={() => setResolving(false)}
        onOk={() => void run(() => resolveBlocker(blocker.id, text.trim(), version), t('blocker.resolved'))}
      >
        <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('blocker.resolution')} data-testid="blocker-resolution-input" />
      </Modal>
    </Flex>
  );
}
