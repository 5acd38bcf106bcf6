/** An exact decimal string without trailing zeros (95.1000 → 95.1, 90.0000 → 90); kept as text, no floating point. */
export function trimDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^-?\d+\.\d+$/.test(value) ? value.replace(/\.?0+$/, '') : value;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/**
 * A sentence template with its slots filled. `{name}` is the value (`missing` when absent);
 * `{name|one|other}` picks the form by the value's plural category in `lang` (Intl.PluralRules),
 * with `#` standing for the value: 'overdue by {n|# workday|# workdays}' reads "1 workday", "2 workdays".
 * Chinese has one form, so its templates need no such slot.
 */
export function fillTemplate(text: string, params: Readonly<Record<string, unknown>>, opts: { lang?: string; missing?: (name: string) => string } = {}): string {
  const missing = opts.missing ?? (() => '');
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (_, k: string, one: string | undefined, other: string | undefined) => {
    const v = params[k];
    if (v === undefined || v === null) return missing(k);
    if (one === undefined || other === undefined) return String(v);
    const n = Number(v);
    const form = Number.isFinite(n) && pluralCategory(opts.lang ?? 'en-US', n) === 'one' ? one : other;
    return form.replace(/#/g, String(v));
  });
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一, 10 → 十, 21 → 二十一: how official documents number their items (一、二、三…), in the
 * meeting pack and on the meeting's page alike; past 99 the number is left in digits (no meeting
 * has that many items, and a number still reads).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** YYYY-MM-DD → 2026年12月8日. A calendar day has no time zone, so it is read as written. */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}
