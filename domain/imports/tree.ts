import type { RowIssue } from './issues.js';
import { labelFor, type Numbering, type NumberStyle } from './numbering.js';

/** Deeper than this no office numbers, and task codes (40 characters) would not hold it. */
export const MAX_LEVELS = 6;

export interface TreeInput {
  numbering?: Numbering;
  /** For an unnumbered row: the level its place in the sheet implies (a measure under a merged task). */
  levelHint?: number;
}

export interface TreePlace {
  level: number;
  /** Index of the parent in the input, null for a root. */
  parent: number | null;
  /** Dotted position ("2.1.3"): unique, and a valid task code. */
  code: string;
  issues: RowIssue[];
}

const numbered = (n: Numbering | undefined): boolean => !!n && n.style !== 'plain';

/**
 * Levels and parents from the numbering of each row, in order. Styled numbering (一、 （一） 1. (1) ①)
 * takes its level from the order styles first appear in, as in an official document; dotted
 * numbering (1.2.3) from its depth and its parent's number; a bare 序号 (1, 2, 3) is a flat list.
 * Gaps, repeats and numbers going back (the only way a sequence can loop) are errors on the row.
 * `firstRoot` is the position the first root takes, so an import continues a plan's numbering.
 */
export function placeRows(rows: readonly TreeInput[], firstRoot = 1): TreePlace[] {
  const out: TreePlace[] = [];
  const styleLevel = new Map<NumberStyle, number>();
  const dotted = new Map<string, number>();
  // The last row at each level of the current branch: where a deeper row hangs.
  const branch: number[] = [];
  const lastNumber = new Map<string, number>();
  const childCount = new Map<number | null, number>();
  let prev: TreePlace | undefined;
  let sawNumber = false;

  const place = (i: number, level: number, parent: number | null, issues: RowIssue[]) => {
    const pos = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, pos);
    const code = parent === null ? String(firstRoot + pos - 1) : `${out[parent]!.code}.${pos}`;
    const p: TreePlace = { level, parent, code, issues };
    out.push(p);
    branch.length = level;
    branch[level] = i;
    prev = p;
  };

  // In a 序号 column of 1, 1.1, 1.2, 2 the bare numbers are the dotted tree's roots.
  const dottedSheet = rows.some((r) => r.numbering?.style === 'dotted');
  rows.forEach((row, i) => {
    const issues: RowIssue[] = [];
    const n = dottedSheet && row.numbering?.style === 'plain' ? { ...row.numbering, style: 'dotted' as const } : row.numbering;
    if (n?.style === 'dotted') {
      const key = n.path.join('.');
      const parentKey = n.path.slice(0, -1).join('.');
      let level = n.path.length - 1;
      let parent: number | null = null;
      if (level > 0) {
        const p = dotted.get(parentKey);
        if (p === undefined) {
          issues.push({ field: 'code', code: 'parent_missing', params: { parent: parentKey } });
          level = 0;
        } else parent = p;
      }
      if (dotted.has(key)) issues.push({ field: 'code', code: 'duplicate', params: { actual: key } });
      else checkSequence(issues, lastNumber, `d:${parentKey}`, n);
      if (level >= MAX_LEVELS) issues.push({ field: 'code', code: 'too_deep', params: { max: MAX_LEVELS } });
      dotted.set(key, i);
      sawNumber = true;
      place(i, parent === null ? 0 : out[parent]!.level + 1, parent, issues);
      return;
    }
    if (n && numbered(n)) {
      const depth = prev ? prev.level + 1 : 0;
      let level = styleLevel.get(n.style);
      if (level === undefined) {
        level = depth;
        styleLevel.set(n.style, level);
      } else if (level > depth) {
        issues.push({ field: 'code', code: 'level_skip', params: { actual: n.label } });
        level = depth;
      }
      if (level >= MAX_LEVELS) issues.push({ field: 'code', code: 'too_deep', params: { max: MAX_LEVELS } });
      const parent = level > 0 ? (branch[level - 1] ?? null) : null;
      // Counted per parent: a new parent starts its children at 1 again.
      checkSequence(issues, lastNumber, `s:${parent}`, n);
      sawNumber = true;
      place(i, level, parent, issues);
      return;
    }
    // Unnumbered (or a bare row count): beside the row above, or where the sheet's layout puts it.
    let level = row.levelHint ?? prev?.level ?? 0;
    level = Math.min(level, prev ? prev.level + 1 : 0);
    if (!n && row.levelHint === undefined && sawNumber) issues.push({ field: 'code', code: 'no_number' });
    const parent = level > 0 ? (branch[level - 1] ?? null) : null;
    if (n) checkSequence(issues, lastNumber, `p:${parent}`, n);
    place(i, level, parent, issues);
  });
  return out;
}

/** The number must follow its previous sibling's (or be 1): a skip is a gap, a repeat or a step back a loop. */
function checkSequence(issues: RowIssue[], last: Map<string, number>, key: string, n: Numbering) {
  const actual = n.path[n.path.length - 1]!;
  const before = last.get(key) ?? 0;
  if (actual <= before) issues.push({ field: 'code', code: 'duplicate', params: { actual: n.label } });
  else if (actual !== before + 1) issues.push({ field: 'code', code: 'gap', params: { expected: labelFor(n.style, [...n.path.slice(0, -1), before + 1]), actual: n.label } });
  last.set(key, Math.max(before, actual));
}
