import { App, Button, Popconfirm, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isAdminRole } from '../../../domain/enums.js';
import { isVersionConflict } from '../../api/client.js';
import { can, type Policies, type User } from '../../api/types.js';
import { disableUser, enableUser, resetPassword, resetTotp, unlockUser } from '../../api/users.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { MessageKey } from '../../i18n/translate.js';
import { qk } from '../../api/queryKeys.js';

interface Props {
  user: User;
  policies: Policies | undefined;
  onEdit: (u: User) => void;
  onPassword: (account: string, password: string) => void;
}

/**
 * The row's actions the server allows: edit, disable/enable, reset password (sysadmin); unlock,
 * reset 2FA and an admin's password (secadmin, 三员分立: the server checks the account again).
 */
export function UserActions({ user, policies, onEdit, onPassword }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const run = async (action: () => Promise<unknown>, done?: MessageKey) => {
    try {
      await action();
      if (done) void message.success(t(done));
    } catch (e) {
      void message.error(isVersionConflict(e) ? `${e.message} ${t('common.reloaded')}` : errorMessage(e));
    }
    await queryClient.invalidateQueries({ queryKey: qk.users.all });
  };
  const confirm = (key: string, title: string, label: string, onConfirm: () => Promise<void>, danger = false) => (
    <Popconfirm key={key} title={title} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={onConfirm}>
      <Button type="link" size="small" danger={danger} data-testid={`user-${key}-${user.account}`}>
        {label}
      </Button>
    </Popconfirm>
  );
  const p = { account: user.account };
  const admin = [...user.roles, ...(user.pendingRoles?.roles ?? [])].some((g) => isAdminRole(g.role));
  const mayReset = admin ? can(policies, 'resetAdminPassword') : can(policies, 'resetPassword');
  const mayToggle = (action: 'disable' | 'enable') => can(policies, admin ? `${action}Admin` : action);

  return (
    <Space size={0} wrap>
      {can(policies, 'update') && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.account}`}>
          {t('common.edit')}
        </Button>
      )}
      {user.disabled
        ? mayToggle('enable') && confirm('enable', t('user.enableConfirm', p), t('user.enable'), () => run(() => enableUser(user.id, user.version), 'common.saved'))
        : mayToggle('disable') && confirm('disable', t('user.disableConfirm', p), t('user.disable'), () => run(() => disableUser(user.id, user.version), 'common.saved'), true)}
      {mayReset &&
        confirm('reset-password', t('user.resetPasswordConfirm', p), t('user.resetPassword'), () =>
          run(async () => onPassword(user.account, await resetPassword(user.id, user.version))),
        )}
      {can(policies, 'unlock') && user.locked && confirm('unlock', t('user.unlockConfirm', p), t('user.unlock'), () => run(() => unlockUser(user.id), 'user.unlocked'))}
      {can(policies, 'resetTotp') &&
        user.totpEnabled &&
        confirm('reset-totp', t('user.resetTotpConfirm', p), t('user.resetTotp'), () => run(() => resetTotp(user.id), 'user.totpReset'), true)}
    </Space>
  );
}
