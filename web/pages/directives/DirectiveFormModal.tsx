import { useMemo } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { addDirectivePoint, registerDirective } from '../../api/directives.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { PointFields } from './PointFields.js';

interface PointValues {
  content: string;
  unitIds: string[];
  deadline: Dayjs | null;
}
interface Values {
  source: string;
  docNo?: string;
  title: string;
  receivedOn: Dayjs | null;
  body?: string;
  points?: PointValues[];
}

const toPoint = (p: PointValues) => ({ content: p.content, unitIds: p.unitIds, deadline: isoDay(p.deadline) ?? '' });
const changed = (qc: ReturnType<typeof useQueryClient>) => invalidate(qc, qk.directives.all, qk.dispatches.all, qk.workbench.all);

/** 登记上级指示: where it came from, its number and text, and the points it is broken into (each sent to its units at once). */
export function DirectiveFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // Kept across renders: the form takes new initial values as a reload's (a new object each render
  // put the points back to one empty one whenever the list behind re-rendered).
  const initial = useMemo<Partial<Values>>(() => ({ receivedOn: dayjs(), points: [{ content: '', unitIds: [], deadline: null }] }), []);
  const submit = async (v: Values) => {
    const res = await registerDirective({ source: v.source, docNo: v.docNo ?? '', title: v.title, receivedOn: isoDay(v.receivedOn) ?? '', body: v.body ?? '', points: (v.points ?? []).map(toPoint) });
    void message.success(t('directive.registered'));
    await changed(qc);
    void navigate(`/directives/${res.data.id}`);
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <FormModal<Values>
      title={t('directive.new')}
      initialValues={initial}
      fieldNames={['source', 'docNo', 'title', 'receivedOn', 'body', 'points']}
      submit={submit}
      onClose={onClose}
      testId="directive-form"
      okTestId="directive-submit"
      width={760}
    >
      <Flex gap={12} wrap>
        <Form.Item name="source" label={t('directive.source')} extra={t('directive.sourceHelp')} rules={required(t('directive.source'))} style={{ flex: '1 1 240px' }}>
          <Input maxLength={100} data-testid="directive-source" />
        </Form.Item>
        <Form.Item name="docNo" label={t('directive.docNo')} style={{ flex: '1 1 200px' }}>
          <Input maxLength={100} data-testid="directive-docno" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('directive.receivedOn')} rules={[{ required: true, message: t('common.required', { field: t('directive.receivedOn') }) }]} style={{ flex: '0 1 170px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('directive.title')} rules={required(t('directive.title'))}>
        <Input maxLength={200} data-testid="directive-title" />
      </Form.Item>
      <Form.Item name="body" label={t('directive.body')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="directive-body" />
      </Form.Item>
      <Form.List name="points">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={t('directive.pointNo', { n: i + 1 })} extra={<Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />}>
                <PointFields prefix={[f.name]} />
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ content: '', unitIds: [], deadline: null })} data-testid="directive-point-add" style={{ alignSelf: 'flex-start' }}>
              {t('directive.pointAdd')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

/** 增加落实事项: one more point of a directive already registered. */
export function PointModal({ directiveId, onClose }: { directiveId: string; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: PointValues) => {
    await addDirectivePoint(directiveId, toPoint(v));
    void message.success(t('directive.pointAdded'));
    await changed(qc);
  };
  return (
    <FormModal<PointValues> title={t('directive.pointAdd')} initialValues={{}} fieldNames={['content', 'unitIds', 'deadline']} submit={submit} onClose={onClose} testId="directive-point-form" okTestId="directive-point-submit">
      <PointFields />
    </FormModal>
  );
}
