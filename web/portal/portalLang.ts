import { createContext, useCallback, useMemo, useState } from 'react';
import type { Lang } from '../../domain/enums.js';
import { fillTemplate } from '../../domain/text.js';
import { currentLang, persistLang } from '../i18n/lang.js';
import { portal } from '../i18n/messages/portal.js';

type Key = keyof typeof portal;
export type Tr = {
  lang: Lang;
  t: (key: Key | `portal.${string}`, params?: Record<string, string | number>) => string;
  /** The server's Chinese words for a category, a period or a grade, in the language shown (unknown words as they are). */
  words: (text: string, kind: 'category' | 'grade' | 'period') => string;
  day: (iso: string) => string;
  toggle: () => void;
};

/**
 * The portal's language: zh-CN first, English on request, remembered as the web app remembers it
 * (web/i18n/lang.ts: localStorage and the `lang` cookie). Its words are web/i18n/messages/portal.ts
 * only, so the portal's bundle carries none of the web app's dictionary.
 */
export function usePortalLang(): Tr {
  const [lang, setLang] = useState<Lang>(currentLang);
  const t = useCallback<Tr['t']>(
    (key, params) => {
      const pair = (portal as Record<string, readonly [string, string]>)[key];
      if (!pair) return key;
      const text = lang === 'en-US' ? pair[1] : pair[0];
      return params ? fillTemplate(text, params, { lang, missing: (k) => `{${k}}` }) : text;
    },
    [lang],
  );
  const words = useCallback<Tr['words']>(
    (text, kind) => {
      if (lang !== 'en-US') return text;
      if (kind !== 'period') return t(`portal.${kind}.${text}`) === `portal.${kind}.${text}` ? text : t(`portal.${kind}.${text}`);
      const q = /^(\d{4})年第([一二三四])季度$/.exec(text);
      if (q) return t('portal.quarter', { year: q[1]!, q: '一二三四'.indexOf(q[2]!) + 1 });
      const y = /^(\d{4})年度$/.exec(text);
      return y ? t('portal.year', { year: y[1]! }) : text;
    },
    [lang, t],
  );
  const day = useCallback((iso: string) => new Date(iso).toLocaleDateString(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }), [lang]);
  const toggle = useCallback(() => {
    const next: Lang = lang === 'en-US' ? 'zh-CN' : 'en-US';
    persistLang(next);
    setLang(next);
  }, [lang]);
  return useMemo(() => ({ lang, t, words, day, toggle }), [lang, t, words, day, toggle]);
}

export const PortalLang = createContext<Tr>({ lang: 'zh-CN', t: (k) => k, words: (w) => w, day: (d) => d, toggle: () => undefined });
