import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { logFieldVisit } from '../../api/fieldVisits.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, evidenceRefs, type EvidenceFile } from '../reports/EvidenceUpload.js';
import { useTaskForceChoices } from '../../components/useTaskForceChoices.js';

interface Values {
  bodyId: string;
  visitedOn: Dayjs | null;
  place: string;
  participants?: string;
  summary?: string;
  findings?: string[];
}
const FIELDS = ['bodyId', 'visitedOn', 'place', 'participants', 'summary', 'findings', 'photos'] as const;

/** A visit as the task force logs it after going: the day, the place, who went, what it saw, each finding on a line of its own, the photos. */
export function FieldVisitFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const bodies = useTaskForceChoices().taskForces;
  const [photos, setPhotos] = useState<EvidenceFile[]>([]);
  const onlyBody = bodies.length === 1 ? bodies[0]!.value : undefined;
  // Kept while the inputs are the same: the form takes new initial values as a reload's (a new
  // object each render put the findings back to one empty line when a photo was added).
  const initial = useMemo<Partial<Values>>(() => ({ visitedOn: dayjs(), bodyId: onlyBody, findings: [''] }), [onlyBody]);
  const submit = async (v: Values) => {
    const res = await logFieldVisit({
      bodyId: v.bodyId,
      visitedOn: isoDay(v.visitedOn) ?? '',
      place: v.place,
      participants: v.participants ?? '',
      summary: v.summary ?? '',
      findings: (v.findings ?? []).map((f) => f.trim()).filter(Boolean),
      photos: evidenceRefs(photos),
    });
    void message.success(t('visit.logged'));
    await invalidate(qc, qk.fieldVisits.all);
    void navigate(`/field-visits/${res.data.id}`);
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <FormModal<Values>
      title={t('visit.new')}
      initialValues={initial}
      fieldNames={FIELDS}
      submit={submit}
      onClose={onClose}
      testId="visit-form"
      okTestId="visit-submit"
      width={720}
    >
      <Flex gap={12} wrap>
        <Form.Item name="bodyId" label={t('visit.body')} rules={[{ required: true, message: t('common.required', { field: t('visit.body') }) }]} style={{ flex: '1 1 260px' }}>
          <Select options={bodies} data-testid="visit-body" />
        </Form.Item>
        <Form.Item name="visitedOn" label={t('visit.visitedOn')} rules={[{ required: true, message: t('common.required', { field: t('visit.visitedOn') }) }]} style={{ flex: '0 1 180px' }}>
          <DatePicker style={{ width: '100%' }} data-testid="visit-date" />
        </Form.Item>
      </Flex>
      <Form.Item name="place" label={t('visit.place')} rules={required(t('visit.place'))}>
        <Input maxLength={100} data-testid="visit-place" />
      </Form.Item>
      <Form.Item name="participants" label={t('visit.participants')}>
        <Input maxLength={2000} data-testid="visit-participants" />
      </Form.Item>
      <Form.Item name="summary" label={t('visit.summary')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="visit-summary" />
      </Form.Item>
      <Form.Item label={t('visit.findings')} extra={t('visit.findingPlaceholder')}>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={f.name} noStyle>
                    <Input.TextArea rows={2} maxLength={2000} data-testid="visit-finding" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add('')} data-testid="visit-finding-add" style={{ alignSelf: 'flex-start' }}>
                {t('visit.findingAdd')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('visit.photos')}>
        <EvidenceUpload files={photos} onChange={setPhotos} />
      </Form.Item>
    </FormModal>
  );
}
