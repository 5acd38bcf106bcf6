import { Suspense, useState } from 'react';
import { Drawer, Flex, Layout, Typography } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { roleCodes, useCurrentUser } from '../auth/CurrentUser.js';
import { useI18n } from '../i18n/useI18n.js';
import { allowed, NAV } from '../nav.js';
import { BRAND_RED } from '../theme.js';
import { Forbidden } from './Forbidden.js';
import { NotFound } from './NotFound.js';
import { FullPageSpin } from './FullPageSpin.js';
import { HeaderBar } from './HeaderBar.js';
import { RoleTags } from './RoleTags.js';
import { SideMenu } from './SideMenu.js';
import { useIsMobile } from './useIsMobile.js';
import { OfflineBanner } from '../offline/OfflineBanner.js';
import { useOutboxFlusher } from '../offline/useOutbox.js';

function MenuBrand() {
  const { t, lang } = useI18n();
  return (
    <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px', color: '#fff' }}>
      <span style={{ background: BRAND_RED, borderRadius: 4, padding: '0 6px', fontWeight: 700 }}>{t('app.name')}</span>
      {/* The name in the other script: 推进 under English, Tuijin under Chinese. */}
      <span style={{ fontSize: 13, opacity: 0.85 }}>{lang === 'zh-CN' ? 'Tuijin' : '推进'}</span>
    </Flex>
  );
}

/** Side menu (a drawer on phones), header, and the page; pages the user's roles forbid show 403. */
export function AppLayout() {
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const page = NAV.find((i) => i.path === pathname);
  const mayOpen = !page || allowed(page, roleCodes(me));
  // The reports this user queued on the device go out whenever the app is open and the network is there.
  useOutboxFlusher(me.id);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        // The wrapper stretches with the page so the dark column runs to the bottom; the menu stays put.
        <div className="app-menu-column" style={{ background: '#0f2747', flex: '0 0 216px' }}>
          <Layout.Sider width={216} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
            <MenuBrand />
            <SideMenu />
          </Layout.Sider>
        </div>
      )}
      {mobile && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2747' } }}
          data-testid="menu-drawer"
        >
          <MenuBrand />
          <div style={{ padding: '0 20px 12px', color: '#fff' }}>
            <Typography.Text style={{ color: '#fff' }} strong>
              {me.displayName}
            </Typography.Text>
            <div style={{ fontSize: 12, opacity: 0.8, marginBottom: 6 }}>{me.unit?.name}</div>
            <RoleTags roles={me.roles} testId="drawer-roles" />
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 10, boxShadow: '0 1px 4px rgba(0,21,41,0.08)', paddingInline: mobile ? 8 : 16 }}>
          <HeaderBar mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        </Layout.Header>
        <OfflineBanner />
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>{mayOpen ? <Outlet /> : page?.hidden ? <NotFound /> : <Forbidden />}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
