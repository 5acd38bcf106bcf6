import { useState } from 'react';
import { Button, DatePicker, Form, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { createBulletin, listBulletins, type Bulletin } from '../../api/bulletins.js';
import { listInspections } from '../../api/ledger.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate, formatDateTime, isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

interface NewValues {
  period?: [Dayjs, Dayjs] | null;
  inspectionId?: string | null;
}

/** 起草通报: a period (and optionally a campaign); the server writes the text, then the editor opens. */
function NewBulletinModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const campaigns = useQuery({ queryKey: qk.inspections.list({}), queryFn: () => listInspections() });
  const submit = async (v: NewValues) => {
    const { data } = await createBulletin({ periodFrom: isoDay(v.period?.[0])!, periodTo: isoDay(v.period?.[1])!, inspectionId: v.inspectionId ?? null });
    await invalidate(qc, qk.bulletins.all);
    void navigate(`/bulletins/${data.id}`);
  };
  return (
    <FormModal<NewValues> title={t('bulletin.new')} initialValues={{}} fieldNames={['period', 'inspectionId']} submit={submit} onClose={onClose} testId="bulletin-new-form" width={560}>
      <Typography.Paragraph type="secondary">{t('bulletin.newHelp')}</Typography.Paragraph>
      <Form.Item name="period" label={t('bulletin.period')} rules={[{ required: true, message: t('common.required', { field: t('bulletin.period') }) }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="bulletin-new-period" />
      </Form.Item>
      <Form.Item name="inspectionId" label={t('bulletin.campaign')}>
        <Select allowClear options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))} data-testid="bulletin-new-campaign" />
      </Form.Item>
    </FormModal>
  );
}

/** 督查通报: drafts and issued bulletins (a unit sees the issued ones), each opening its editor or its reading view. */
export function BulletinsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.bulletins.list({}), queryFn: () => listBulletins({ perPage: 100 }) });
  const [creating, setCreating] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard
      title={t('bulletin.listTitle')}
      testId="bulletins-page"
      extra={
        can(list.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="bulletin-new">
            {t('bulletin.new')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Bulletin>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('bulletin.empty') }}
        columns={[
          {
            title: t('bulletin.title'),
            key: 'title',
            render: (_, b) => (
              <Link to={`/bulletins/${b.id}`} style={{ display: 'inline-block', maxWidth: 420, whiteSpace: 'normal' }} data-testid="bulletin-link">
                {b.title}
              </Link>
            ),
          },
          { title: t('bulletin.docNumber'), key: 'docNumber', render: (_, b) => b.docNumber },
          { title: t('bulletin.period'), key: 'period', render: (_, b) => `${formatDate(b.periodFrom)} ~ ${formatDate(b.periodTo)}` },
          {
            title: t('bulletin.status'),
            key: 'status',
            render: (_, b) => (
              <Tag color={b.status === 'issued' ? 'green' : 'default'} data-testid="bulletin-status">
                {t(`bulletin.status.${b.status}`)}
              </Tag>
            ),
          },
          { title: t('bulletin.issueDate'), key: 'issued', render: (_, b) => (b.issuedAt ? formatDateTime(b.issuedAt) : formatDate(b.issueDate)) },
        ]}
      />
      {creating && <NewBulletinModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
