import Decimal from 'decimal.js';

/** What a number column holds: its decimals, whether it may be negative, and whether it is money in 万元. */
export interface NumberRule {
  scale: number;
  signed: boolean;
  /** 万元: "1.2亿" is 12000, "500万元" 500, "3,000,000元" 300. */
  money?: boolean;
}

export type NumberProblem = 'number_bad' | 'number_negative' | 'number_scale' | 'number_too_big';
export type NumberParse = { value: string } | { problem: NumberProblem };

/** Digits in front of the point a stored value may have (numeric(18,2) and numeric(20,4) both hold 16). */
const INT_DIGITS = 16;
const MONEY_SCALE: [RegExp, number][] = [
  [/亿元?$/, 4],
  [/万元?$/, 0],
  [/元$/, -4],
];

/**
 * A cell's number exactly as written, as the decimal string the schemas take: full-width digits,
 * thousands separators ("1,200.5"), a leading + and a trailing % (a rate's unit is its measure) are
 * read; money may carry 亿/万/元 and is scaled to 万元. Nothing is rounded: more decimals than the
 * column keeps, a negative where none is allowed, or anything that is not a number is a problem
 * the caller words with the cell's address. Empty text is not a number (the caller decides whether
 * the cell may be empty).
 */
export function parseImportNumber(text: string, rule: NumberRule): NumberParse {
  let t = text
    .replace(/[０-９．，－＋％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-')
    .replace(/[\s\u3000]+/g, '');
  let shift = 0;
  if (rule.money) {
    const unit = MONEY_SCALE.find(([re]) => re.test(t));
    if (unit) {
      t = t.replace(unit[0], '');
      shift = unit[1];
    }
  } else t = t.replace(/%$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { problem: 'number_bad' };
  const d = new Decimal(t).times(new Decimal(10).pow(shift));
  if (d.isNegative() && !d.isZero() && !rule.signed) return { problem: 'number_negative' };
  if (d.decimalPlaces() > rule.scale) return { problem: 'number_scale' };
  if (d.abs().trunc().toFixed().length > INT_DIGITS) return { problem: 'number_too_big' };
  return { value: d.isZero() ? '0' : d.toFixed() };
}
