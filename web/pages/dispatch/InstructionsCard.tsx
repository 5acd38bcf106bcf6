import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Tag, Typography, type ButtonProps } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { InstructionSubjectType } from '../../../domain/dispatch.js';
import { issueInstruction, listInstructions, type DispatchDetail } from '../../api/dispatch.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { errorMessage } from '../../components/formErrors.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from './UnitsSelect.js';
import { ReplyModal } from './ReplyModal.js';

/**
 * 领导批示 on a report, blocker or item: each 批示 with who wrote it and when, and each unit's reply
 * (or that it is still due, and how late). A leader writes one here; a unit it went to replies here.
 */
export function InstructionsCard({ subjectType, subjectId }: { subjectType: InstructionSubjectType; subjectId: string }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.dispatches.instructions(subjectType, subjectId), queryFn: () => listInstructions(subjectType, subjectId) });
  const [writing, setWriting] = useState(false);
  const [replying, setReplying] = useState<string | null>(null);
  const mayInstruct = can(q.data?.policies, 'instruct');
  const items = q.data?.data ?? [];
  // Nothing to show and nothing to do: roles that read no 批示 do not get an empty card.
  if (!q.isError && !mayInstruct && items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('instruction.title')}
      data-testid="instructions"
      extra={
        mayInstruct && (
          <Button size="small" type="primary" onClick={() => setWriting(true)} data-testid="instruction-new">
            {t('instruction.new')}
          </Button>
        )
      }
    >
      {q.isError && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {!q.isError && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('instruction.none')} />}
      {items.length > 0 && (
        <List
          dataSource={items}
          renderItem={(d) => <InstructionLine d={d} onReply={() => setReplying(d.id)} />}
        />
      )}
      {writing && <InstructionModal subjectType={subjectType} subjectId={subjectId} onClose={() => setWriting(false)} />}
      {replying && <ReplyModal id={replying} onClose={() => setReplying(null)} />}
    </Card>
  );
}

function InstructionLine({ d, onReply }: { d: DispatchDetail; onReply: () => void }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="instruction" data-instruction={d.id}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="baseline">
          <LightTag light={d.light} testId="instruction-light" />
          <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }} data-testid="instruction-content">
            {d.content}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {t('instruction.byOn', { name: d.issuedByName ?? '', date: formatDateTime(d.sentAt) })} · {t('instruction.deadline')} {formatDate(d.deadline)} ·{' '}
          {t('instruction.replies', { replied: d.repliedCount, total: d.unitCount })}
        </Typography.Text>
        {d.recipients.map((r) => (
          <Flex key={r.unitId} gap={6} wrap align="baseline" data-testid="instruction-reply" data-unit={r.unitId} data-status={r.status}>
            <Typography.Text>{r.unitName}</Typography.Text>
            <Tag color={r.status === 'replied' ? (r.late ? 'orange' : 'green') : r.lateWorkdays > 0 ? 'red' : 'default'}>
              {r.status === 'replied' ? t('dispatch.reply.replied') : r.lateWorkdays > 0 ? t('dispatch.lateDays', { n: r.lateWorkdays }) : t('dispatch.reply.pending')}
            </Tag>
            {r.answer && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</Typography.Text>}
            {r.mayReply && (
              <Button size="small" onClick={onReply} data-testid="instruction-reply-open">
                {t('dispatch.reply')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
    </List.Item>
  );
}

interface Values {
  content: string;
  unitIds?: string[];
  deadline?: Dayjs | null;
}

/** The leader writes the 批示; the units and the deadline may be left to the defaults (the units concerned, three workdays). */
export function InstructionModal({ subjectType, subjectId, onClose }: { subjectType: InstructionSubjectType; subjectId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await issueInstruction({
        subjectType,
        subjectId,
        content: v.content.trim(),
        ...(v.unitIds?.length ? { unitIds: v.unitIds } : {}),
        ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
      });
      void message.success(t('instruction.issued'));
      await invalidate(qc, qk.dispatches.all, qk.workbench.all);
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('instruction.new')}
      okText={t('instruction.new')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'instruction-ok' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="content" label={t('instruction.content')} extra={t('instruction.contentHelp')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('instruction.content') }) }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="instruction-content-input" />
        </Form.Item>
        <Form.Item name="unitIds" label={t('instruction.units')} extra={t('instruction.unitsHelp')}>
          <UnitsSelect testId="instruction-units" />
        </Form.Item>
        <Form.Item name="deadline" label={t('instruction.deadline')} extra={t('instruction.deadlineHelp')}>
          <DatePicker data-testid="instruction-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
