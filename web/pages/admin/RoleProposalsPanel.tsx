import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../domain/labels.js';
import type { RoleProposal } from '../../api/types.js';
import { approveRoleProposal, listRoleProposals, rejectRoleProposal } from '../../api/users.js';
import { errorMessage } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { labelOf } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { qk } from '../../api/queryKeys.js';

/**
 * 三员分立: the pending changes of admin roles. The secadmin approves or rejects them (the row's
 * policies say which it may: not its own); the sysadmin sees what it proposed is waiting.
 */
export function RoleProposalsPanel({ onPassword }: { onPassword: (account: string, password: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const proposals = useQuery({ queryKey: qk.users.proposals, queryFn: listRoleProposals });
  const [rejecting, setRejecting] = useState<RoleProposal | null>(null);
  const [reason, setReason] = useState('');

  const list = proposals.data?.data ?? [];
  if (!list.length) return null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: qk.users.all });
  const roles = (grants: RoleProposal['roles']) =>
    grants.length ? (
      <Flex wrap gap={4}>
        {grants.map((g, i) => (
          <Tag key={i} style={{ marginInlineEnd: 0 }}>
            {labelOf(ROLE_LABELS, g.role, lang)}
          </Tag>
        ))}
      </Flex>
    ) : (
      t('proposal.none')
    );
  const approve = async (p: RoleProposal) => {
    try {
      const r = await approveRoleProposal(p.id);
      void message.success(t('proposal.approved'));
      if (r.initialPassword) onPassword(p.account, r.initialPassword);
    } catch (e) {
      void message.error(errorMessage(e));
    }
    await refresh();
  };
  const reject = async () => {
    if (!rejecting || !reason.trim()) return;
    try {
      await rejectRoleProposal(rejecting.id, reason.trim());
      void message.success(t('proposal.rejected'));
      setRejecting(null);
      setReason('');
    } catch (e) {
      void message.error(errorMessage(e));
    }
    await refresh();
  };

  return (
    <Card size="small" title={t('proposal.title')} style={{ marginBottom: 16 }} data-testid="role-proposals">
      <Alert type="info" showIcon title={t('proposal.intro')} style={{ marginBottom: 12 }} />
      <ResponsiveTable<RoleProposal>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('proposal.account'), key: 'account', render: (_, p) => `${p.account}（${p.displayName}，${p.unitName}）` },
          { title: t('proposal.from'), key: 'from', render: (_, p) => roles(p.before) },
          { title: t('proposal.to'), key: 'to', render: (_, p) => roles(p.roles) },
          { title: t('proposal.by'), dataIndex: 'proposedBy', render: (v: string | null) => v ?? '—' },
          { title: t('proposal.at'), dataIndex: 'proposedAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, p) =>
              p.policies.approve || p.policies.reject ? (
                <Space size={0}>
                  {p.policies.approve && (
                    <Popconfirm title={t('proposal.approveConfirm', { account: p.account })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => approve(p)}>
                      <Button type="link" size="small" data-testid={`proposal-approve-${p.account}`}>
                        {t('proposal.approve')}
                      </Button>
                    </Popconfirm>
                  )}
                  {p.policies.reject && (
                    <Button type="link" size="small" danger onClick={() => setRejecting(p)} data-testid={`proposal-reject-${p.account}`}>
                      {t('proposal.reject')}
                    </Button>
                  )}
                </Space>
              ) : (
                <Tag color="orange">{t('proposal.waiting')}</Tag>
              ),
          },
        ]}
      />
      {rejecting && (
        <Modal
          open
          title={t('proposal.rejectTitle', { account: rejecting.account })}
          okText={t('proposal.reject')}
          okButtonProps={{ danger: true, disabled: !reason.trim() }}
          cancelText={t('common.cancel')}
          onOk={() => void reject()}
          onCancel={() => setRejecting(null)}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('proposal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="proposal-reason" />
        </Modal>
      )}
    </Card>
  );
}
