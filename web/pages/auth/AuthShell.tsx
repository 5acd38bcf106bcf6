import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { LangSwitch } from '../../components/LangSwitch.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BRAND_RED } from '../../theme.js';

/**
 * The frame of the login pages: brand, language switch, one centred panel. Plain elements instead
 * of Card and Typography keep the login page's JavaScript small (Card alone pulls Tabs and Menu).
 */
export function AuthShell({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '0 12px', background: 'linear-gradient(180deg, #0f2747 0, #1a4fa0 240px, #f3f5f9 240px)' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 440, paddingTop: 8 }}>
        <span style={{ background: 'rgba(255,255,255,0.92)', borderRadius: 6 }}>
          <LangSwitch />
        </span>
      </Flex>
      <Flex vertical align="center" gap={6} style={{ margin: '20px 0 24px', color: '#fff', textAlign: 'center' }}>
        <span aria-hidden style={{ background: BRAND_RED, color: '#fff', borderRadius: 6, padding: '2px 10px', fontWeight: 700, fontSize: 24, letterSpacing: 2 }}>
          {t('app.name')}
        </span>
        <span style={{ fontSize: 18, fontWeight: 600 }}>{t('login.subtitle')}</span>
      </Flex>
      <main style={{ width: '100%', maxWidth: 440, background: '#fff', borderRadius: 8, boxShadow: '0 6px 24px rgba(15,39,71,0.12)', padding: 24, boxSizing: 'border-box' }}>
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 16px', color: 'rgba(0,0,0,0.88)' }}>{title}</h1>
        {children}
      </main>
      <p style={{ margin: '16px 0', fontSize: 12, color: 'rgba(0,0,0,0.45)', textAlign: 'center' }}>{footer ?? t('login.footer')}</p>
    </Flex>
  );
}
