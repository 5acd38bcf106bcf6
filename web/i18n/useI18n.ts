import { useContext } from 'react';
import { I18nContext, type I18n } from './I18nProvider.js';

/** The language, its switch and `t(key)`; every component that shows text uses it. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
