import { chineseNumeral } from '../text.js';

/**
 * The numbering offices put in front of a clause or in a 序号 column: 一、 （一） 1. (1) ① and the
 * dotted 1.1.1. Pure: the tree is built from these in `tree.ts`.
 */
export const NUMBER_STYLES = ['cn', 'paren_cn', 'arabic', 'paren_arabic', 'circled', 'dotted', 'plain'] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

export interface Numbering {
  style: NumberStyle;
  /** The position among its siblings (1-based); for `dotted`, each segment. */
  path: number[];
  /** The prefix as written ("（二）"), for messages. */
  label: string;
  /** The text after the prefix. */
  rest: string;
}

const CN = '零一二三四五六七八九';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 一 … 九十九 (and 〇/零 forms like 一〇一 are not used in numbering): undefined when not a numeral. */
export function cnNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const t = s.indexOf('十');
  if (t < 0) return s.length === 1 ? CN.indexOf(s) : undefined;
  if (s.indexOf('十', t + 1) >= 0) return undefined;
  const tens = t === 0 ? 1 : t === 1 ? CN.indexOf(s[0]!) : NaN;
  const onesText = s.slice(t + 1);
  const ones = onesText === '' ? 0 : onesText.length === 1 ? CN.indexOf(onesText) : NaN;
  const n = tens * 10 + ones;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The numeral a label uses for `n` in a style, for "应为（二）" messages. */
export function labelFor(style: NumberStyle, path: readonly number[]): string {
  const n = path[path.length - 1] ?? 1;
  const cn = chineseNumeral(n);
  switch (style) {
    case 'cn':
      return `${cn}、`;
    case 'paren_cn':
      return `（${cn}）`;
    case 'arabic':
      return `${n}.`;
    case 'paren_arabic':
      return `(${n})`;
    case 'circled':
      return CIRCLED[n - 1] ?? `(${n})`;
    case 'dotted':
      return path.join('.');
    case 'plain':
      return String(n);
  }
}

// Each pattern is anchored at the start; the capture is the numeral. Arabic "1." must not be followed
// by a digit, so "1.5亿元" and "2026年" are text, not numbering.
const PATTERNS: { style: NumberStyle; re: RegExp }[] = [
  { style: 'paren_cn', re: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)][、，,.．]?\s*/ },
  { style: 'cn', re: /^([一二三四五六七八九十]{1,3})\s*[、，,．.]\s*/ },
  { style: 'paren_arabic', re: /^[（(]\s*(\d{1,3})\s*[）)][、，,.．]?\s*/ },
  // "1.5亿元" is an amount, not clause 1.5: a unit after the number is text.
  { style: 'dotted', re: /^(\d{1,3}(?:[.．]\d{1,3})+)(?![\d.．]*\d)(?![亿万千百元%％倍个吨亩平公米千克度])[.．、]?\s*/ },
  { style: 'arabic', re: /^(\d{1,3})\s*[.．、](?!\d)\s*/ },
  { style: 'circled', re: /^([①-⑳])\s*[、.．]?\s*/ },
];

/** The numbering at the start of `text`, if any. */
export function parseNumbering(text: string): Numbering | undefined {
  const t = text.replace(/^[\s\u3000]+/, '');
  for (const { style, re } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const raw = m[1]!;
    let path: number[] | undefined;
    if (style === 'cn' || style === 'paren_cn') {
      const n = cnNumber(raw);
      path = n ? [n] : undefined;
    } else if (style === 'circled') path = [CIRCLED.indexOf(raw) + 1];
    else if (style === 'dotted') path = raw.split(/[.．]/).map(Number);
    else path = [Number(raw)];
    if (!path || path.some((n) => !Number.isInteger(n) || n < 1)) continue;
    return { style, path, label: m[0].trim(), rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

/**
 * A 序号 cell: the same styles as a clause's prefix, or a bare number ("3", a flat list's row
 * count). Empty or anything else is no numbering.
 */
export function parseSeqCell(cell: string): Numbering | undefined {
  const t = cell.trim();
  if (/^\d{1,4}$/.test(t)) return { style: 'plain', path: [Number(t)], label: t, rest: '' };
  const cn = cnNumber(t);
  if (cn) return { style: 'cn', path: [cn], label: t, rest: '' };
  const n = parseNumbering(t);
  return n && n.rest === '' ? n : undefined;
}
