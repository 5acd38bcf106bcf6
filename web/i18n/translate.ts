import type { Lang } from '../../domain/enums.js';
import { fillTemplate } from '../../domain/text.js';
import { messages, type MessageKey } from './messages/index.js';

export type { MessageKey };
export type Params = Record<string, string | number>;

/** Looks a key up in our dictionary and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const pair = messages[key];
  const text = lang === 'en-US' ? pair[1] : pair[0];
  if (!params) return text;
  return fillTemplate(text, params, { lang, missing: (k) => `{${k}}` });
}

/** Picks the label of a code from a domain label table (ROLE_LABELS, UNIT_KIND_LABELS, …). */
export function labelOf<K extends string>(labels: Record<K, Record<Lang, string>>, code: K, lang: Lang): string {
  return labels[code]?.[lang] ?? code;
}
