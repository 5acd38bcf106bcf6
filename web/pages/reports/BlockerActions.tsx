import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Select, type ButtonProps } from 'antd';
import { lowerBlockerLevels, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { escalateBlocker, getBlocker, instructBlocker, resolveBlocker } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import type { Blocker } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { invalidate, qk } from '../../api/queryKeys.js';

/**
 * Escalate (unit → task force → HQ → leading group) or resolve one open blocker. The list's
 * policies are by role only, so this reads the blocker itself for its row policies and offers
 * exactly what they allow.
 */
export function BlockerActions({ blocker }: { blocker: Blocker }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const row = useQuery({ queryKey: qk.blockers.detail(blocker.id), queryFn: () => getBlocker(blocker.id) });
  const [resolving, setResolving] = useState(false);
  const [text, setText] = useState('');
  const [instructing, setInstructing] = useState(false);
  const [instruction, setInstruction] = useState('');
  const lower = lowerBlockerLevels(blocker.level);
  const [to, setTo] = useState<BlockerLevel | undefined>(lower[lower.length - 1]);
  const [busy, setBusy] = useState(false);
  const policies = row.data?.policies;
  const version = row.data?.data.version ?? blocker.version;
  if (!can(policies, 'escalate') && !can(policies, 'resolve') && !can(policies, 'instruct')) return null;
  // At the leading group, resolving is the leader's decision: the button and dialog say so.
  const atTop = blocker.level === 'leading_group';

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      void message.success(done);
      setResolving(false);
      setInstructing(false);
      // The workbenches count open blockers by level (the HQ desk); they would show the old counts for a while.
      await invalidate(qc, qk.blockers.all, qk.reports.all, qk.workbench.all);
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
          {t(atTop ? 'blocker.decide' : 'blocker.resolve')}
        </Button>
      )}
      {can(policies, 'instruct') && (
        <Button size="small" onClick={() => setInstructing(true)} data-testid="blocker-instruct">
          {t('blocker.instruct')}
        </Button>
      )}
      <Modal
        open={instructing}
        title={t('blocker.instruct')}
        okText={t('blocker.instruct')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !instruction.trim(), 'data-testid': 'blocker-instruct-ok' } as ButtonProps}
        onCancel={() => setInstructing(false)}
        onOk={() => void run(() => instructBlocker(blocker.id, { instruction: instruction.trim(), ...(to ? { level: to } : {}), version }), t('blocker.instructed'))}
      >
        <Flex vertical gap={8}>
          <Flex gap={8} align="center" wrap>
            <span>{t('blocker.instructTo')}</span>
            <Select<BlockerLevel>
              value={to}
              onChange={setTo}
              style={{ minWidth: 140 }}
              options={lower.map((l) => ({ value: l, label: t(`blocker.level.${l}`) }))}
              data-testid="blocker-instruct-level"
            />
          </Flex>
          <Input.TextArea rows={3} maxLength={2000} value={instruction} onChange={(e) => setInstruction(e.target.value)} placeholder={t('blocker.instruction')} data-testid="blocker-instruction-input" />
        </Flex>
      </Modal>
      <Modal
        open={resolving}
        title={t(atTop ? 'blocker.decide' : 'blocker.resolve')}
        okText={t(atTop ? 'blocker.decide' : 'blocker.resolve')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !text.trim(), 'data-testid': 'blocker-resolve-ok' } as ButtonProps}
        onCancel={() => setResolving(false)}
        onOk={() => void run(() => resolveBlocker(blocker.id, text.trim(), version), t('blocker.resolved'))}
      >
        <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t(atTop ? 'blocker.decision' : 'blocker.resolution')} data-testid="blocker-resolution-input" />
      </Modal>
    </Flex>
  );
}
