import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker, Flex, Input, Modal, Popconfirm, Select, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lowerBlockerLevels, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { BLOCKER_ACTIONS } from '../../../domain/workflows/blocker.js';
import { assignBlocker, decideBlocker, escalateBlocker, getBlocker, reopenBlocker, resolveBlocker, returnBlocker, verifyBlocker } from '../../api/reporting.js';
import { useUnits } from '../../api/hooks.js';
import { can } from '../../api/types.js';
import type { Blocker } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { isoDay, todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import { InstructionModal } from '../dispatch/InstructionsCard.js';

type Dialog = 'assign' | 'decide' | 'return' | 'resolve' | 'reopen' | null;

/**
 * The steps the user may take on one blocker, exactly as its row policies allow: the holder
 * escalates, assigns (交办), decides or sends it back down; the resolver unit reports it solved; the
 * raising unit verifies or reopens, as the row's own policies say (on a list's rows; read when absent).
 */
export function BlockerActions({ blocker }: { blocker: Blocker }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // A list's rows carry their own policies; a blocker shown elsewhere (in a report) is read for them.
  const row = useQuery({ queryKey: qk.blockers.detail(blocker.id), queryFn: () => getBlocker(blocker.id), enabled: !blocker.policies });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const lower = lowerBlockerLevels(blocker.level);
  const [to, setTo] = useState<BlockerLevel | undefined>(lower[lower.length - 1]);
  const [unit, setUnit] = useState<string | undefined>();
  const [due, setDue] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [instructing, setInstructing] = useState(false);
  const me = useCurrentUser();
  const policies = blocker.policies ?? row.data?.policies;
  const version = blocker.policies ? blocker.version : (row.data?.data.version ?? blocker.version);
  const units = useUnits();
  const any = BLOCKER_ACTIONS.some((k) => can(policies, k));
  // A leader may write a 批示 on any blocker they see (the server holds the rule: POST /api/instructions).
  const mayInstruct = roleCodes(me).includes('leader');
  if (!any && !mayInstruct) return null;

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      void message.success(done);
      setDialog(null);
      setText('');
      // Workbenches count blockers by level and list those given to a unit or waiting for its verification; item lights name them.
      await invalidate(qc, qk.blockers.all, qk.reports.all, qk.workbench.all, qk.tasks.all, qk.targets.all, qk.projects.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (d: Dialog) => {
    setText('');
    setDialog(d);
  };
  const button = (key: string, label: string, onClick: () => void, primary = false) =>
    can(policies, key) && (
      <Button size="small" type={primary ? 'primary' : 'default'} loading={busy && dialog === null} onClick={onClick} data-testid={`blocker-${key}`}>
        {label}
      </Button>
    );
  const textBox = (placeholder: string) => (
    <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} data-testid="blocker-text-input" />
  );
  const modal = (d: Exclude<Dialog, null>, title: string, ready: boolean, onOk: () => void, body: ReactNode) => (
    <Modal
      open={dialog === d}
      title={title}
      okText={title}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !ready, 'data-testid': 'blocker-dialog-ok' } as ButtonProps}
      onCancel={() => setDialog(null)}
      onOk={onOk}
    >
      <Flex vertical gap={8}>{body}</Flex>
    </Modal>
  );

  return (
    <Flex gap={6} wrap style={{ marginTop: 4 }}>
      {button('escalate', t('blocker.escalate'), () => void run(() => escalateBlocker(blocker.id, version), t('blocker.escalated')))}
      {button('assign', t('blocker.assign'), () => open('assign'))}
      {button('decide', t('blocker.decide'), () => open('decide'), true)}
      {button('return', t('blocker.return'), () => open('return'))}
      {button('resolve', t('blocker.resolve'), () => open('resolve'), true)}
      {can(policies, 'verify') && (
        <Popconfirm title={t('blocker.verifyConfirm')} okText={t('blocker.verify')} cancelText={t('common.cancel')} onConfirm={() => void run(() => verifyBlocker(blocker.id, version), t('blocker.verified'))} okButtonProps={{ 'data-testid': 'blocker-verify-ok' } as ButtonProps}>
          <Button size="small" type="primary" loading={busy} data-testid="blocker-verify">
            {t('blocker.verify')}
          </Button>
        </Popconfirm>
      )}
      {button('reopen', t('blocker.reopen'), () => open('reopen'))}
      {mayInstruct && (
        <Button size="small" onClick={() => setInstructing(true)} data-testid="blocker-instruct">
          {t('instruction.new')}
        </Button>
      )}
      {instructing && <InstructionModal subjectType="blocker" subjectId={blocker.id} onClose={() => setInstructing(false)} />}

      {modal(
        'assign',
        t('blocker.assign'),
        !!unit && !!due,
        () => void run(() => assignBlocker(blocker.id, { resolverUnitId: unit!, dueDate: isoDay(due)!, note: text.trim(), version }), t('blocker.assigned')),
        <>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('blocker.resolverUnit')}
            value={unit}
            onChange={setUnit}
            options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="blocker-resolver"
          />
          <DatePicker
            value={due}
            onChange={setDue}
            placeholder={t('blocker.dueDate')}
            disabledDate={(d) => d.format('YYYY-MM-DD') < todayInZone()}
            style={{ width: '100%' }}
            data-testid="blocker-due"
          />
          {textBox(t('blocker.assignNote'))}
        </>,
      )}
      {modal('decide', t('blocker.decide'), !!text.trim(), () => void run(() => decideBlocker(blocker.id, text.trim(), version), t('blocker.decided')), textBox(t('blocker.decision')))}
      {modal(
        'return',
        t('blocker.return'),
        !!text.trim(),
        () => void run(() => returnBlocker(blocker.id, { instruction: text.trim(), ...(to ? { level: to } : {}), version }), t('blocker.returned')),
        <>
          <Flex gap={8} align="center" wrap>
            <span>{t('blocker.instructTo')}</span>
            <Select<BlockerLevel>
              value={to}
              onChange={setTo}
              style={{ minWidth: 140 }}
              options={lower.map((l) => ({ value: l, label: t(`blocker.level.${l}`) }))}
              data-testid="blocker-return-level"
            />
          </Flex>
          {textBox(t('blocker.instruction'))}
        </>,
      )}
      {modal('resolve', t('blocker.resolve'), !!text.trim(), () => void run(() => resolveBlocker(blocker.id, text.trim(), version), t('blocker.resolvedDone')), textBox(t('blocker.resolution')))}
      {modal('reopen', t('blocker.reopen'), !!text.trim(), () => void run(() => reopenBlocker(blocker.id, text.trim(), version), t('blocker.reopened')), textBox(t('blocker.reopenReason')))}
    </Flex>
  );
}
