import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Code, Name } from '../../../domain/schemas/common.js';
import { LIMITS } from '../../../domain/limits.js';
import { useRegions } from '../../api/hooks.js';
import { createRegion, updateRegion } from '../../api/org.js';
import { can, type Region } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { schemaRule } from '../../components/schemaRule.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

interface Values {
  code: string;
  name: string;
  parentId?: string | null;
}

/** 行政区: the tenants (province → city → district); the sysadmin keeps them. */
export function RegionsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const [editing, setEditing] = useState<Region | 'new' | null>(null);
  const list = useMemo(() => regions.data?.data ?? [], [regions.data]);
  const nameOf = (id: string | null) => list.find((r) => r.id === id)?.name ?? '—';
  const current = editing && editing !== 'new' ? editing : null;
  const initialValues = useMemo<Partial<Values>>(() => (current ? { code: current.code, name: current.name } : { parentId: null }), [current]);

  if (regions.isError) return <LoadError error={regions.error} onRetry={() => void regions.refetch()} />;
  const policies = regions.data?.policies;

  const submit = async (v: Values) => {
    if (current) await updateRegion(current.id, { version: current.version, code: v.code, name: v.name });
    else {
      await createRegion({ code: v.code, name: v.name, parentId: v.parentId ?? null });
      void message.success(t('region.created'));
    }
    await queryClient.invalidateQueries({ queryKey: qk.regions.all });
  };
  const reload = async () => {
    const fresh = await regions.refetch();
    const found = fresh.data?.data.find((r) => r.id === current?.id);
    if (found) setEditing(found);
  };

  return (
    <PageCard
      title={t('region.title')}
      testId="regions-page"
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="region-create">
            {t('region.create')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Region>
        rowKey="id"
        size="middle"
        loading={regions.isPending}
        dataSource={list}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('common.code'), dataIndex: 'code' },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('region.parent'), dataIndex: 'parentId', render: (id: string | null) => nameOf(id) },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: mobile ? undefined : 'right',
            render: (_, r) =>
              can(policies, 'update') && (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <FormModal<Values>
          title={current ? t('region.edit') : t('region.create')}
          initialValues={initialValues}
          fieldNames={['code', 'name', 'parentId']}
          submit={submit}
          reload={reload}
          onClose={() => setEditing(null)}
          testId="region-modal"
        >
          <Form.Item name="code" label={t('common.code')} rules={[{ required: true, message: t('common.required', { field: t('common.code') }) }, schemaRule(Code, t('common.codeRule'))]}>
            <Input maxLength={LIMITS.code} />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) }, schemaRule(Name, t('common.tooLong', { max: LIMITS.name }))]}>
            <Input maxLength={LIMITS.name} />
          </Form.Item>
          {!current && (
            <Form.Item name="parentId" label={t('region.parent')}>
              <Select allowClear options={list.map((r) => ({ value: r.id, label: r.name }))} placeholder={t('common.none')} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </PageCard>
  );
}
