import { Button, DatePicker, Flex, Form, Input, Modal, Spin } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { ClaimBody } from '../../../domain/schemas/claim.js';
import { claimTask, getTask } from '../../api/planning.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemChanged, qk } from '../../api/queryKeys.js';

type ClaimInput = z.input<typeof ClaimBody>;
/** The unit's share (version, unit) comes from the task; a milestone's due day from its date picker. */
type Values = Pick<ClaimInput, 'measures'> & { milestones?: (Omit<NonNullable<ClaimInput['milestones']>[number], 'due'> & { due: Dayjs })[] };

const FIELDS = ['measures', 'milestones'] as const;
const EMPTY: Partial<Values> = { measures: '', milestones: [] };

/**
 * 认领: the unit states its measures (落实举措) and its own milestones. The claim's version is the
 * unit's share of the task, so the task is read first.
 */
export function ClaimModal({ taskId, unitId, onClose }: { taskId: string; unitId: string; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const task = useQuery({ queryKey: qk.tasks.detail(taskId), queryFn: () => getTask(taskId) });
  const share = task.data?.data.units.find((u) => u.unitId === unitId);
  if (task.isError) return <LoadError error={task.error} />;
  if (!task.data) return <Spin fullscreen />;
  if (!share) {
    // The task is no longer assigned to this unit (changed meanwhile): say so rather than spin.
    return (
      <Modal open footer={null} onCancel={onClose} title={t('work.claim')}>
        {t('work.noUnit')}
      </Modal>
    );
  }

  const submit = async (v: Values) => {
    await claimTask(taskId, {
      version: share.version,
      unitId,
      measures: v.measures,
      milestones: (v.milestones ?? []).map((m) => ({ name: m.name, due: m.due.format('YYYY-MM-DD') })),
    });
    await itemChanged(qc, 'task');
  };

  return (
    <FormModal<Values>
      title={t('claim.title', { task: `${task.data.data.code} ${task.data.data.title}` })}
      initialValues={share.claimStatus === 'returned' ? { measures: share.measures, milestones: [] } : EMPTY}
      fieldNames={FIELDS}
      submit={submit}
      onClose={onClose}
      testId="claim-modal"
      width={640}
    >
      <Form.Item name="measures" label={t('claim.measures')} extra={t('claim.measuresHelp')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('claim.measures') }) }]}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="claim-measures" />
      </Form.Item>
      <Form.Item label={t('claim.milestones')}>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('claim.milestoneName') }) }]} style={{ flex: '1 1 180px', marginBottom: 0 }}>
                    <Input placeholder={t('claim.milestoneName')} data-testid="claim-milestone-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: t('common.required', { field: t('claim.milestoneDue') }) }]} style={{ marginBottom: 0 }}>
                    <DatePicker placeholder={t('claim.milestoneDue')} data-testid="claim-milestone-due" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="claim-add-milestone">
                {t('claim.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
