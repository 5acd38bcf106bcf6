import { normaliseDeadlineText } from './deadline.js';
import { parseNumbering } from './numbering.js';
import type { SourceRow } from './rows.js';

/** Text longer than this is not a plan someone pasted (a 方案 runs to a few dozen pages at most). */
export const PLAN_TEXT_MAX = 200_000;

// A numbering that starts a new clause inside a line, after a sentence's end: "…完成。2.建立…".
const INLINE_CLAUSE = /([。；;])[ \t\u3000]*(?=[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、](?!\d)|[①-⑳])/g;
const DATED = /\d{4}年|\d{4}[-/.]\d{1,2}|\d{1,2}月|年底|年末|年内|上半年|下半年|季度|每月|每季|季后/;
const ONGOING_PHRASE = /^(?:长期坚持|持续推进|长期推进|常态化推进|持续开展)$/;

interface Clause {
  line: number;
  head: string;
  body: string[];
}

/** What one phrase of a clause says: a lead, supporting units, a deadline, or plain text. */
function classify(phrase: string): { kind: 'lead' | 'support' | 'both' | 'deadline' | 'text'; text: string } {
  const p = phrase.trim();
  const labelled = /^(牵头单位|牵头部门|责任单位|主责单位|配合单位|配合部门|协办单位)[：:](.+)$/.exec(p);
  if (labelled) return { kind: /牵头|主责/.test(labelled[1]!) ? 'lead' : /责任/.test(labelled[1]!) ? 'both' : 'support', text: labelled[2]! };
  const lead = /^(?:由|请)?(.+?)(?:负责)?牵头(?:负责|落实|推进|实施)?$/.exec(p);
  if (lead) return { kind: 'lead', text: lead[1]! };
  const support = /^(.+?)(?:配合|协同|参与|协助)(?:落实|推进|实施)?$/.exec(p);
  if (support && support[1]!.length <= 60) return { kind: 'support', text: support[1]! };
  const n = normaliseDeadlineText(p);
  if ((DATED.test(n) && n.length <= 30) || ONGOING_PHRASE.test(n.replace(/完成$/, ''))) return { kind: 'deadline', text: p };
  return { kind: 'text', text: p };
}

/** Lines → clauses: a line starting with a number opens one; other lines belong to the clause above. */
function clauses(text: string): { preamble: string[]; clauses: Clause[] } {
  const lines = text.replace(/\r\n?/g, '\n').replace(INLINE_CLAUSE, '$1\n').split('\n');
  // The inline split adds lines: count the original line each piece came from.
  const origin: number[] = [];
  let original = 1;
  for (const piece of text.replace(/\r\n?/g, '\n').split('\n')) {
    const parts = piece.replace(INLINE_CLAUSE, '$1\n').split('\n').length;
    for (let i = 0; i < parts; i++) origin.push(original);
    original++;
  }
  const preamble: string[] = [];
  const out: Clause[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (parseNumbering(line)) out.push({ line: origin[i] ?? i + 1, head: line, body: [] });
    else if (out.length) out[out.length - 1]!.body.push(line);
    else preamble.push(line);
  });
  return { preamble, clauses: out };
}

/**
 * A pasted 方案 as rows: each numbered clause a task, its first sentence the title, and in the rest
 * "由区发改局牵头，各街镇配合，2026年6月底前完成" read as lead, support and deadline. Other sentences
 * are the description; the leftover words of a sentence that was read (…确保按期完成) are kept as
 * `unplaced` beside the row, and the text before the first clause as `preamble`: nothing is lost.
 */
export function planTextRows(text: string): { preamble: string[]; rows: SourceRow[] } {
  const { preamble, clauses: found } = clauses(text);
  const rows = found.map((c): SourceRow => {
    const whole = [c.head, ...c.body].join('\n');
    const sentences = whole.split(/(?<=[。；;\n])/).map((s) => s.trim()).filter(Boolean);
    // The title is the first sentence up to its first unit or deadline phrase ("1.建设X，由区发改局牵头，…").
    const first = (sentences.shift() ?? '').replace(/[。；;]$/, '').split(/[，,]/);
    const cut = first.findIndex((p, i) => i > 0 && classify(p).kind !== 'text');
    const title = (cut > 0 ? first.slice(0, cut) : first).join('，');
    if (cut > 0) sentences.unshift(first.slice(cut).join('，'));
    const lead: string[] = [];
    const support: string[] = [];
    const deadlines: string[] = [];
    const description: string[] = [];
    const unplaced: string[] = [];
    for (const s of sentences) {
      const phrases = s.replace(/[。；;]$/, '').split(/[，,]/);
      const kinds = phrases.map(classify);
      if (kinds.every((k) => k.kind === 'text')) {
        description.push(s);
        continue;
      }
      for (const k of kinds) {
        if (k.kind === 'lead') lead.push(k.text);
        else if (k.kind === 'support') support.push(k.text);
        else if (k.kind === 'both') {
          lead.push(k.text.split(/[、]/)[0]!);
          support.push(...k.text.split(/[、]/).slice(1));
        } else if (k.kind === 'deadline') deadlines.push(k.text);
        else if (k.text.trim()) unplaced.push(k.text.trim());
      }
    }
    return {
      line: c.line,
      title,
      lead: lead.join('、'),
      support: support.join('、'),
      deadline: deadlines.join('，'),
      description: description.join(''),
      unplaced,
    };
  });
  return { preamble, rows };
}
