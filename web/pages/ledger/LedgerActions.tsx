import { useState } from 'react';
import { App, Button, Flex, Popconfirm, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { LedgerAction } from '../../../domain/workflows/ledger.js';
import { stepLedger, type LedgerEntry } from '../../api/ledger.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can, type Policies } from '../../api/types.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { LedgerStepModal, type WordedStep } from './LedgerStepModals.js';

/**
 * The steps the server allows now, each shown only when the entry's `policies` say so: the unit's
 * 签收 and 提交整改, the inspector's 核查, 销号 and 重新打开.
 */
export function LedgerActions({ entry, policies, reload }: { entry: LedgerEntry; policies: Policies; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<WordedStep | null>(null);

  // Every list (the unit's 整改事项, the ledger) and the entry itself show the new state.
  const done = async (step: LedgerAction) => {
    void message.success(t(`ledger.done.${step}`));
    await invalidate(qc, qk.ledger.all);
  };
  const run = async (step: 'acknowledge' | 'close') => {
    setBusy(true);
    try {
      await stepLedger(entry.id, step, entry.version, {});
      await done(step);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const worded = (step: WordedStep, primary = false, danger = false) =>
    can(policies, step) && (
      <Button type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(step)} data-testid={`ledger-${step}`}>
        {t(`ledger.${step}`)}
      </Button>
    );

  return (
    <Flex gap={8} wrap data-testid="ledger-actions">
      {can(policies, 'acknowledge') && (
        <Popconfirm title={t('ledger.acknowledgeConfirm')} onConfirm={() => run('acknowledge')} okButtonProps={{ 'data-testid': 'ledger-acknowledge-ok' } as ButtonProps}>
          <Button loading={busy} data-testid="ledger-acknowledge">
            {t('ledger.acknowledge')}
          </Button>
        </Popconfirm>
      )}
      {worded('rectify', true)}
      {worded('verify', true)}
      {can(policies, 'close') && (
        <Popconfirm title={t('ledger.closeConfirm')} onConfirm={() => run('close')} okButtonProps={{ 'data-testid': 'ledger-close-ok' } as ButtonProps}>
          <Button type="primary" loading={busy} data-testid="ledger-close">
            {t('ledger.close')}
          </Button>
        </Popconfirm>
      )}
      {worded('reopen', false, entry.verdict === 'not_effective')}
      {open && <LedgerStepModal entry={entry} step={open} onDone={done} reload={reload} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
