import { useState } from 'react';
import { Button, Flex, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ROLES, type Role } from '../../../domain/enums.js';
import { ROLE_LABELS } from '../../../domain/labels.js';
import { useUnits } from '../../api/hooks.js';
import { can, type User } from '../../api/types.js';
import { listUsers } from '../../api/users.js';
import { InitialPasswordModal } from '../../components/InitialPasswordModal.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { RoleProposalsPanel } from './RoleProposalsPanel.js';
import { UserActions } from './UserActions.js';
import { UserFormModal } from './UserFormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { qk } from '../../api/queryKeys.js';

/** 用户: the sysadmin keeps accounts; the secadmin sees the same list read-only, with unlock and reset 2FA. */
export function UsersPage() {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(20);
  const [q, setQ] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const filter = { page, perPage, q, unitId, role };
  const users = useQuery({ queryKey: qk.users.list(filter), queryFn: () => listUsers(filter), placeholderData: keepPreviousData });
  const units = useUnits();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [password, setPassword] = useState<{ account: string; password: string } | null>(null);

  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  const policies = users.data?.policies;
  const showPassword = (account: string, pw: string) => setPassword({ account, password: pw });
  const filtered = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <PageCard
      title={t('user.title')}
      testId="users-page"
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {t('user.create')}
          </Button>
        )
      }
    >
      <RoleProposalsPanel onPassword={showPassword} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('user.searchPlaceholder')} onSearch={filtered((v: string) => setQ(v.trim() || undefined))} style={filterStyle(220)} data-testid="user-search" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('user.filterUnit')}
          value={unitId}
          onChange={filtered((v?: string) => setUnitId(v))}
          options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          style={filterStyle(200)}
        />
        <Select
          allowClear
          placeholder={t('user.filterRole')}
          value={role}
          onChange={filtered((v?: Role) => setRole(v))}
          options={ROLES.map((r) => ({ value: r, label: labelOf(ROLE_LABELS, r, lang) }))}
          style={filterStyle(160)}
        />
      </Flex>
      <ResponsiveTable<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: perPage,
          total: users.data?.page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPage(size === perPage ? p : 1);
            setPerPage(size);
          },
        }}
        columns={[
          { title: t('user.account'), dataIndex: 'account', fixed: mobile ? undefined : 'left' },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.unit'), dataIndex: 'unitName' },
          {
            title: t('user.roles'),
            key: 'roles',
            render: (_, u) => (
              <Flex wrap gap={4}>
                {u.roles.map((r, i) => (
                  <Tag key={i} style={{ marginInlineEnd: 0 }}>
                    {labelOf(ROLE_LABELS, r.role, lang)}
                  </Tag>
                ))}
                {u.pendingRoles && (
                  <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`user-pending-${u.account}`}>
                    {t('user.pendingRoles', { roles: u.pendingRoles.roles.map((r) => labelOf(ROLE_LABELS, r.role, lang)).join('、') || t('proposal.none') })}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { title: t('user.mobile'), dataIndex: 'mobile', render: (m: string | null) => m ?? '—' },
          { title: t('user.email'), dataIndex: 'email', render: (m: string | null) => m ?? '—' },
          {
            title: t('user.status'),
            key: 'status',
            render: (_, u) => (
              <Flex wrap gap={4}>
                {u.disabled ? <Tag>{t('common.disabled')}</Tag> : <Tag color="green">{t('common.enabled')}</Tag>}
                {u.locked && <Tag color="red">{t('user.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
                {u.totpEnabled && <Tag color="blue">{t('user.totp')}</Tag>}
              </Flex>
            ),
          },
          { title: t('common.actions'), key: 'actions', fixed: mobile ? undefined : 'right', render: (_, u) => <UserActions user={u} policies={policies} onEdit={setEditing} onPassword={showPassword} /> },
        ]}
      />
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onCreated={showPassword} />}
      {password && <InitialPasswordModal account={password.account} password={password.password} onClose={() => setPassword(null)} />}
    </PageCard>
  );
}
