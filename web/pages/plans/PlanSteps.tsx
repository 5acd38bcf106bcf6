import { useState } from 'react';
import { App, Button, Flex, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { stepPlan, type PlanStep } from '../../api/planning.js';
import { can, type Policies } from '../../api/types.js';
import type { PlanDetail } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { invalidate, qk } from '../../api/queryKeys.js';

/** The review steps the server allows now: submit for review, approve (with the decision), publish, return (with a reason). */
export function PlanSteps({ plan, policies }: { plan: PlanDetail; policies: Policies }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (step: PlanStep, extra: { reason?: string; decisionRef?: string } = {}) => {
    setBusy(true);
    try {
      await stepPlan(plan.id, step, { version: plan.version, ...extra });
      void message.success(t(`plan.${step}`));
      // Publishing brings the plan's items into the workbenches and the overview.
      await invalidate(qc, qk.plans.all, qk.workbench.all, qk.lights.all);
      setAsking(null);
      setText('');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={8} wrap>
      {can(policies, 'submit') && (
        <Button type="primary" loading={busy} onClick={() => void run('submit')}>
          {t('plan.submit')}
        </Button>
      )}
      {can(policies, 'approve') && (
        <Button type="primary" onClick={() => setAsking('approve')}>
          {t('plan.approve')}
        </Button>
      )}
      {can(policies, 'publish') && (
        <Button type="primary" loading={busy} onClick={() => void run('publish')}>
          {t('plan.publish')}
        </Button>
      )}
      {can(policies, 'return') && (
        <Button danger onClick={() => setAsking('return')}>
          {t('plan.return')}
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`plan.${asking}`) : ''}
        okText={asking ? t(`plan.${asking}`) : ''}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ danger: asking === 'return', disabled: asking === 'return' && !text.trim() }}
        onCancel={() => setAsking(null)}
        onOk={() => void run(asking!, asking === 'return' ? { reason: text.trim() } : text.trim() ? { decisionRef: text.trim() } : {})}
      >
        <Input.TextArea rows={3} maxLength={asking === 'return' ? 500 : 200} value={text} onChange={(e) => setText(e.target.value)} placeholder={asking === 'return' ? t('report.returnReason') : t('plan.decisionRef')} />
      </Modal>
    </Flex>
  );
}
