import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Lang } from '../../domain/enums.js';
import { currentLang, persistLang } from './lang.js';
import { translate, type MessageKey, type Params } from './translate.js';
import { theme } from '../theme.js';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

export const I18nContext = createContext<I18n | null>(null);

const dayjsLocale = (lang: Lang) => (lang === 'zh-CN' ? 'zh-cn' : 'en');

/** Holds the language; every label (ours and Ant Design's) follows it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = currentLang();
    persistLang(l);
    dayjs.locale(dayjsLocale(l));
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    persistLang(next);
    dayjs.locale(dayjsLocale(next));
    setLangState(next);
  }, []);
  useEffect(() => {
    document.title = translate(lang, 'app.fullName');
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
