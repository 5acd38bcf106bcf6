import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Popconfirm, type ButtonProps } from 'antd';
import { LIMITS } from '../../../domain/limits.js';
import type { ReviewOutcome } from '../../../domain/meetings.js';
import { recordOutcome, type AgendaItem } from '../../api/meetings.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingWrite } from './useMeetingWrite.js';

/**
 * The meeting's decision on a plan under review: 审议通过 (after a confirm: the plan's step cannot
 * be taken back), or 退回修改 with the reason the drafters revise by.
 */
export function ReviewDecision({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const { t } = useI18n();
  const { busy, run } = useMeetingWrite();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const decide = async (outcome: ReviewOutcome) => {
    const body = { version: item.version, outcome, ...(outcome === 'returned' ? { reason: reason.trim() } : {}) };
    // The plan moved: its page, the lists and what counts plans read it again.
    if (await run(() => recordOutcome(meetingId, item.id, body), t('agenda.decided'), qk.plans.all, qk.workbench.all, qk.lights.all)) setReturning(false);
  };

  return (
    <Flex gap={8} wrap>
      <Popconfirm
        title={t('agenda.approve')}
        description={<div style={{ maxWidth: 280 }}>{t('agenda.approveConfirm')}</div>}
        okText={t('agenda.approve')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'agenda-approve-ok' }}
        onConfirm={() => decide('approved')}
      >
        <Button type="primary" loading={busy} data-testid="agenda-approve">
          {t('agenda.approve')}
        </Button>
      </Popconfirm>
      <Button danger disabled={busy} onClick={() => setReturning(true)} data-testid="agenda-return">
        {t('agenda.return')}
      </Button>
      <Modal
        open={returning}
        title={t('agenda.return')}
        okText={t('agenda.return')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'agenda-return-ok' } as ButtonProps}
        onOk={() => void decide('returned')}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('agenda.returnReason')} extra={t('agenda.returnReasonHelp')} required>
            <Input.TextArea rows={3} maxLength={LIMITS.reason} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="agenda-return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
