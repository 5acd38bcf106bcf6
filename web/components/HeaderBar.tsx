import { App, Button, Flex, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout } from '../api/auth.js';
import { useCurrentUser } from '../auth/CurrentUser.js';
import { useI18n } from '../i18n/useI18n.js';
import { BRAND_RED } from '../theme.js';
import { InboxBell } from './InboxBell.js';
import { LangSwitch } from './LangSwitch.js';
import { dropKeptAnswers } from '../offline/keptAnswers.js';
import { clearQueued, queuedOf } from '../offline/outboxStore.js';
import { RoleTags } from './RoleTags.js';

/** Brand, who is signed in (post, unit, roles), the inbox's bell, language and logout; on a phone, the menu button. */
export function HeaderBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  const doLogout = async () => {
    await logout().catch(() => undefined);
    queryClient.clear();
    await dropKeptAnswers();
    void message.success(t('header.loggedOut'));
    navigate('/login', { replace: true });
  };
  // The queue on the device is this user's: it leaves with them, after a warning that it is not sent.
  const askLogout = async () => {
    const left = await queuedOf(me.id).catch(() => []);
    if (!left.length) return doLogout();
    modal.confirm({
      title: t('outbox.logoutTitle', { n: left.length }),
      content: t('outbox.logoutBody'),
      okText: t('outbox.logoutAnyway'),
      okButtonProps: { danger: true, 'data-testid': 'logout-discard' } as never,
      onOk: async () => {
        await clearQueued(me.id);
        await doLogout();
      },
    });
  };

  return (
    <Flex align="center" gap={mobile ? 4 : 12} style={{ height: '100%', minWidth: 0 }}>
      {mobile && <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.open')} data-testid="menu-toggle" onClick={onOpenMenu} />}
      <span style={{ background: BRAND_RED, color: '#fff', borderRadius: 4, padding: '0 6px', fontWeight: 700, lineHeight: '26px' }}>{t('app.name')}</span>
      {!mobile && <Typography.Text strong>{t('home.program')}</Typography.Text>}
      <div style={{ flex: 1 }} />
      <Flex vertical={false} align="center" gap={8} style={{ minWidth: 0 }}>
        <Flex vertical style={{ minWidth: 0, lineHeight: 1.3, textAlign: 'right' }}>
          <Typography.Text strong ellipsis data-testid="header-user" style={{ maxWidth: mobile ? 120 : 260 }}>
            {me.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis data-testid="header-unit" style={{ fontSize: 12, maxWidth: mobile ? 120 : 260 }}>
            {me.unit?.name ?? ''}
          </Typography.Text>
        </Flex>
        {!mobile && <RoleTags roles={me.roles} max={3} testId="header-roles" />}
      </Flex>
      <InboxBell />
      <LangSwitch compact={mobile} />
      <Button type="text" icon={<LogoutOutlined />} data-testid="logout" aria-label={t('header.logout')} onClick={() => void askLogout()}>
        {mobile ? null : t('header.logout')}
      </Button>
    </Flex>
  );
}
