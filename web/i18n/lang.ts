import { LANGS, type Lang } from '../../domain/enums.js';

const KEY = 'tuijin.lang';

function stored(): Lang | null {
  try {
    const v = localStorage.getItem(KEY);
    return v && (LANGS as readonly string[]).includes(v) ? (v as Lang) : null;
  } catch {
    return null;
  }
}

let lang: Lang = stored() ?? 'zh-CN';

/** The language in use now; non-React code (the API client) reads it for its fallback messages. */
export const currentLang = (): Lang => lang;

/**
 * Remembers the choice (localStorage) and tells the server through the `lang` cookie, so error
 * messages come back in the same language.
 */
export function persistLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Storage refused: the cookie still carries the choice for this session.
  }
  document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=strict`;
  document.documentElement.lang = next;
}
