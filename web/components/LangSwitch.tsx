import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/useI18n.js';

/** Toggles 中文 ⇄ English; the label names the language it switches to. */
export function LangSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={`${t('lang.switch')}: ${t(`lang.${next}`)}`}
      title={t('lang.switch')}
      onClick={() => setLang(next)}
    >
      {compact ? (next === 'en-US' ? 'EN' : '中') : t(`lang.${next}`)}
    </Button>
  );
}
