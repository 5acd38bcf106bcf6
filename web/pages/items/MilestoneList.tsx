import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { MilestoneCreate } from '../../../domain/schemas/task.js';
import type { FormValues } from '../../components/formValues.js';
import { addMilestone, removeMilestone, updateMilestone } from '../../api/planning.js';
import type { TaskDetail } from '../../api/workTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { isoDay, todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemChanged } from '../../api/queryKeys.js';

type Milestone = TaskDetail['milestones'][number];
type Values = FormValues<z.input<typeof MilestoneCreate>, 'due' | 'doneOn'>;

/** 新增节点 / 编辑节点 (HQ office): a name, its date, and the day it was done. */
function MilestoneModal({ taskId, milestone, onClose }: { taskId: string; milestone?: Milestone; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const submit = async (v: Values) => {
    const body = { name: v.name.trim(), due: isoDay(v.due), doneOn: isoDay(v.doneOn) };
    if (milestone) await updateMilestone(taskId, milestone.id, body);
    else await addMilestone(taskId, body);
    await itemChanged(qc, 'task');
  };
  const initial: Partial<Values> = milestone ? { name: milestone.name, due: milestone.due ? dayjs(milestone.due) : null, doneOn: milestone.doneOn ? dayjs(milestone.doneOn) : null } : {};
  return (
    <FormModal<Values> title={t(milestone ? 'milestone.edit' : 'milestone.add')} initialValues={initial} fieldNames={['name', 'due', 'doneOn']} submit={submit} onClose={onClose} testId="milestone-form">
      <Form.Item name="name" label={t('milestone.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('milestone.name') }) }]}>
        <Input maxLength={200} data-testid="milestone-name" />
      </Form.Item>
      <Form.Item name="due" label={t('milestone.due')}>
        <DatePicker data-testid="milestone-due" />
      </Form.Item>
      <Form.Item name="doneOn" label={t('milestone.doneOn')} extra={t('milestone.doneOnHelp')}>
        <DatePicker data-testid="milestone-done" />
      </Form.Item>
    </FormModal>
  );
}

/** 节点: name, due date, and whether and when it was done; the HQ office adds, edits and removes them. */
export function MilestoneList({ taskId, milestones, editable = false }: { taskId: string; milestones: TaskDetail['milestones']; editable?: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Milestone | 'new' | null>(null);
  const remove = async (m: Milestone) => {
    await removeMilestone(taskId, m.id);
    await itemChanged(qc, 'task');
  };
  return (
    <>
      <List
        size="small"
        dataSource={milestones}
        locale={{ emptyText: t('item.noMilestones') }}
        data-testid="milestones"
        renderItem={(m) => (
          <List.Item
            key={m.id}
            data-testid="milestone-line"
            actions={
              editable
                ? [
                    <Button key="edit" type="link" size="small" onClick={() => setOpen(m)} data-testid="milestone-edit">
                      {t('common.edit')}
                    </Button>,
                    <Popconfirm key="remove" title={t('milestone.confirmRemove', { name: m.name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(m)}>
                      <Button type="link" size="small" danger data-testid="milestone-remove">
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <span>{m.name}</span>
            <span>
              <Typography.Text type="secondary">{m.due ?? '—'}</Typography.Text>
              {!m.doneOn && m.due && m.due < todayInZone() && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {t('work.overdue')}
                </Tag>
              )}
              {m.doneOn && (
                <Tag color="green" style={{ marginInlineStart: 6 }}>
                  {t('milestone.doneTag', { date: m.doneOn })}
                </Tag>
              )}
            </span>
          </List.Item>
        )}
      />
      {editable && (
        <Button type="dashed" size="small" block style={{ marginTop: 8 }} onClick={() => setOpen('new')} data-testid="milestone-add">
          {t('milestone.add')}
        </Button>
      )}
      {open && <MilestoneModal taskId={taskId} milestone={open === 'new' ? undefined : open} onClose={() => setOpen(null)} />}
    </>
  );
}
