import { useState } from 'react';
import { App, Button, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { approveClaim, returnClaim } from '../../api/planning.js';
import { can, type Policies } from '../../api/types.js';
import type { TaskDetail, TaskUnit } from '../../api/workTypes.js';
import { unitsActedFor } from '../../auth/actsFor.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemChanged } from '../../api/queryKeys.js';

const CLAIM_COLOR = { unclaimed: 'default', submitted: 'processing', approved: 'green', returned: 'red' } as const;

/**
 * 牵头/配合单位 with their claims: measures, own milestones, and the claim buttons for the user's
 * own unit — shown only when the task's `policies` allow that step at all.
 */
export function TaskUnits({ task, policies, onClaim }: { task: TaskDetail; policies: Policies; onClaim: (unitId: string) => void }) {
  const { t, lang } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<TaskUnit | null>(null);
  const [reason, setReason] = useState('');
  const claimer = unitsActedFor(me, 'liaison', 'unit_head');
  const head = unitsActedFor(me, 'unit_head');

  const step = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
      await itemChanged(qc, 'task');
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    }
  };

  return (
    <>
      <List
        size="small"
        dataSource={task.units}
        data-testid="task-units"
        renderItem={(u) => (
          <List.Item key={u.unitId} style={{ display: 'block' }}>
            <Flex gap={8} align="center" wrap justify="space-between">
              <Flex gap={8} align="center" wrap>
                <Tag color={u.role === 'lead' ? 'blue' : 'default'}>{t(u.role === 'lead' ? 'work.lead' : 'work.support')}</Tag>
                <Typography.Text strong>{u.unitName}</Typography.Text>
                <Tag color={CLAIM_COLOR[u.claimStatus]} data-testid={`claim-status-${u.unitId}`}>
                  {t(`claimStatus.${u.claimStatus}`)}
                </Tag>
              </Flex>
              <Flex gap={6} wrap>
                {can(policies, 'claim') && claimer.includes(u.unitId) && (u.claimStatus === 'unclaimed' || u.claimStatus === 'returned') && (
                  <Button size="small" type="primary" onClick={() => onClaim(u.unitId)} data-testid="task-claim">
                    {t('work.claim')}
                  </Button>
                )}
                {can(policies, 'approveClaim') && head.includes(u.unitId) && u.claimStatus === 'submitted' && (
                  <>
                    <Button size="small" type="primary" data-testid="claim-approve" onClick={() => void step(() => approveClaim(task.id, { version: u.version, unitId: u.unitId }), t('claim.approved'))}>
                      {t('claim.approve')}
                    </Button>
                    <Button size="small" danger data-testid="claim-return" onClick={() => setReturning(u)}>
                      {t('claim.return')}
                    </Button>
                  </>
                )}
              </Flex>
            </Flex>
            {u.measures && (
              <div style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">
                  {t('item.measures')}
                  {lang === 'zh-CN' ? '：' : ': '}
                </Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap' }}>{u.measures}</span>
              </div>
            )}
            {u.milestones.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.milestones.map((m) => `${m.name} (${m.due ?? '—'})`).join(lang === 'zh-CN' ? '；' : '; ')}
              </Typography.Text>
            )}
            {u.claimStatus === 'returned' && u.returnReason && <div style={{ color: '#cf1322' }}>{t('report.returnedBecause', { reason: u.returnReason })}</div>}
          </List.Item>
        )}
      />
      <Modal
        open={!!returning}
        title={t('claim.return')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('claim.return')}
        cancelText={t('common.cancel')}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (returning && (await step(() => returnClaim(task.id, { version: returning.version, unitId: returning.unitId, reason: reason.trim() }), t('claim.returned')))) {
            setReturning(null);
            setReason('');
          }
        }}
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('report.returnReasonHelp')} />
      </Modal>
    </>
  );
}
