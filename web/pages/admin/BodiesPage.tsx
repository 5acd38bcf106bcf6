import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { BODY_KINDS, type BodyKind } from '../../../domain/enums.js';
import { BODY_KIND_LABELS } from '../../../domain/labels.js';
import { useBodies } from '../../api/hooks.js';
import { can, type Body } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { BodyMembersDrawer } from './BodyMembersDrawer.js';
import { BodyFormModal } from './BodyFormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

/** 机构: leading group, command HQ, its office and the task forces; create, edit, members (sysadmin). */
export function BodiesPage() {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const bodies = useBodies();
  const [editing, setEditing] = useState<Body | 'new' | null>(null);
  const [membersOf, setMembersOf] = useState<string | null>(null);

  if (bodies.isError) return <LoadError error={bodies.error} onRetry={() => void bodies.refetch()} />;
  const policies = bodies.data?.policies;
  const list = [...(bodies.data?.data ?? [])].sort((a, b) => BODY_KINDS.indexOf(a.kind) - BODY_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code));
  const nameOf = (id: string | null) => list.find((b) => b.id === id)?.name ?? '—';
  // The drawer follows the live list entry, so added or removed members show at once.
  const membersBody = list.find((b) => b.id === membersOf);

  return (
    <PageCard
      title={t('body.title')}
      testId="bodies-page"
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="body-create">
            {t('body.create')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Body>
        rowKey="id"
        size="middle"
        loading={bodies.isPending}
        dataSource={list}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('common.code'), dataIndex: 'code' },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('body.kind'), dataIndex: 'kind', render: (k: BodyKind) => <Tag color="geekblue">{labelOf(BODY_KIND_LABELS, k, lang)}</Tag> },
          { title: t('body.parent'), dataIndex: 'parentId', render: (id: string | null) => nameOf(id) },
          { title: t('body.leadUnit'), dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '—' },
          { title: t('body.members'), key: 'members', render: (_, b) => t('body.memberCount', { count: b.members.length }) },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: mobile ? undefined : 'right',
            render: (_, b) => (
              <Space size={0}>
                {can(policies, 'update') && (
                  <Button type="link" size="small" onClick={() => setEditing(b)}>
                    {t('common.edit')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setMembersOf(b.id)}>
                  {t('body.manageMembers')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <BodyFormModal body={editing === 'new' ? null : editing} bodies={list} onClose={() => setEditing(null)} />}
      {membersBody && <BodyMembersDrawer body={membersBody} editable={can(policies, 'update')} mobile={mobile} onClose={() => setMembersOf(null)} />}
    </PageCard>
  );
}
