import { escapeUnstorable, isStorableText } from '../storableText.js';
import { parseDeadline, type DeadlineEnv, type DeadlineValue } from './deadline.js';
import type { ImportField, RowIssue } from './issues.js';
import { parseNumbering, parseSeqCell, type Numbering } from './numbering.js';
import { placeRows } from './tree.js';
import { splitUnitCell, type UnitMatch } from './units.js';

/** Titles are at most this long in the task schema; longer text is cut and kept whole in the description. */
export const TITLE_MAX = 200;

/** One row as a reader found it (a sheet's row, a plan's clause), before anything is decided. */
export interface SourceRow {
  /** The sheet's row number or the text's line number, as the user sees it. */
  line: number;
  /** The 序号 cell, when the sheet has one. */
  seq?: string;
  /** The task's text, numbering included when it is written there. */
  title: string;
  levelHint?: number;
  /** Units in a 牵头 column, a 配合 column, or one column for both. */
  lead?: string;
  support?: string;
  units?: string;
  deadline?: string;
  description?: string;
  /** What the reader could not place (a plan's sentence it did not understand). */
  unplaced?: string[];
  /** What the reader found wrong (a formula without a value). */
  problems?: RowIssue[];
}

/** A row of the preview: its place in the tree, its parse, and what is wrong or doubtful. */
export interface ImportRow {
  /** The row's place in the preview (1, 2, …): its key for fixes. */
  line: number;
  /** Where it came from: the sheet's row or the text's line (a task merged over its measures shares its first row's). */
  sourceLine: number;
  level: number;
  parentLine: number | null;
  code: string;
  /** The numbering as written ("（二）"), or empty. */
  label: string;
  title: string;
  description: string;
  leadUnit: UnitMatch | null;
  supportUnits: UnitMatch[];
  deadlineText: string;
  deadline: DeadlineValue | null;
  /** Problems fixed by no edit in the preview (numbering, cells); unit and deadline ones are derived. */
  fixedErrors: RowIssue[];
  fixedWarnings: RowIssue[];
  deadlineErrors: RowIssue[];
  deadlineWarnings: RowIssue[];
  unplaced: string[];
}

export interface RowContext {
  match: (name: string) => UnitMatch;
  env: DeadlineEnv;
  /** Where the import's first root is numbered (after the plan's own roots). */
  firstRoot?: number;
  /** Codes the plan's tasks already use. */
  takenCodes?: ReadonlySet<string>;
}

/** A cell's text made storable, with an error naming the cell when it was not. */
function clean(text: string | undefined, field: ImportField, errors: RowIssue[]): string {
  const t = text ?? '';
  if (isStorableText(t)) return t;
  if (!errors.some((e) => e.code === 'unstorable' && e.field === field)) errors.push({ field, code: 'unstorable' });
  return escapeUnstorable(t);
}

function numberingOf(seq: string | undefined, title: string): { numbering?: Numbering; rest: string } {
  const inTitle = parseNumbering(title);
  const inSeq = seq ? parseSeqCell(seq) : undefined;
  // A bare row count in 序号 says nothing about the tree when the text carries its own numbering.
  if (inSeq && !(inSeq.style === 'plain' && inTitle)) return { numbering: inSeq, rest: inTitle && inTitle.style === inSeq.style ? inTitle.rest : title.trim() };
  if (inTitle) return { numbering: inTitle, rest: inTitle.rest };
  return { rest: title.trim() };
}

/** Title and description from a cell: its first line (cut at TITLE_MAX) and the rest. */
function titleOf(text: string, description: string, warnings: RowIssue[]): { title: string; description: string } {
  const [first = '', ...more] = text.split(/\r?\n/).map((s) => s.trim());
  let title = first.replace(/[。；;]$/, '');
  let extra = more.filter(Boolean).join('\n');
  if (title.length > TITLE_MAX) {
    warnings.push({ field: 'title', code: 'title_cut', params: { max: TITLE_MAX } });
    extra = [text.trim(), extra].filter(Boolean).join('\n');
    const sentence = title.indexOf('。');
    title = sentence > 0 && sentence <= TITLE_MAX ? title.slice(0, sentence) : title.slice(0, TITLE_MAX);
  }
  return { title, description: [description.trim(), extra].filter(Boolean).join('\n') };
}

/** Lead and supporting names from the row's cells: a 牵头 column leads, one column's first name leads. */
function unitNames(r: { lead: string; support: string; units: string }): { lead: string[]; support: string[] } {
  const lead: string[] = [];
  const support: string[] = [];
  const l = splitUnitCell(r.lead);
  lead.push(...l.lead, ...l.plain);
  support.push(...l.support);
  const s = splitUnitCell(r.support);
  lead.push(...s.lead);
  support.push(...s.support, ...s.plain);
  // One column for both: labels decide, else its first name leads (offices list the lead first).
  const u = splitUnitCell(r.units);
  lead.push(...u.lead);
  support.push(...u.support);
  const leads = lead.length === 0 ? 1 : 0;
  lead.push(...u.plain.slice(0, leads));
  support.push(...u.plain.slice(leads));
  return { lead, support };
}

/** The preview's rows from what the reader found: tree, units, deadlines and every problem. */
export function buildRows(sources: readonly SourceRow[], ctx: RowContext): ImportRow[] {
  const pre = sources.map((s) => {
    const errors: RowIssue[] = [...(s.problems ?? [])];
    const warnings: RowIssue[] = [];
    const seq = clean(s.seq, 'code', errors);
    const { numbering, rest } = numberingOf(seq, clean(s.title, 'title', errors));
    const { title, description } = titleOf(rest, clean(s.description, 'title', errors), warnings);
    const cells = { lead: clean(s.lead, 'leadUnit', errors), support: clean(s.support, 'supportUnits', errors), units: clean(s.units, 'leadUnit', errors) };
    return { s, errors, warnings, numbering, title, description, cells, deadlineText: clean(s.deadline, 'deadline', errors) };
  });
  const places = placeRows(pre.map((p) => ({ numbering: p.numbering, levelHint: p.s.levelHint })), ctx.firstRoot ?? 1);
  const parents = new Set(places.map((p) => p.parent));
  return pre.map((p, i) => {
    const place = places[i]!;
    for (const issue of place.issues) (issue.code === 'no_number' ? p.warnings : p.errors).push(issue);
    if (!p.title) p.errors.push({ field: 'title', code: 'title_missing' });
    if (ctx.takenCodes?.has(place.code)) p.errors.push({ field: 'code', code: 'code_taken', params: { code: place.code } });
    const names = unitNames(p.cells);
    const [first, ...otherLeads] = names.lead.map(ctx.match);
    // A heading row's work is its children's: only a leaf without a lead is worth a word.
    if (!first && !parents.has(i)) p.warnings.push({ field: 'leadUnit', code: 'lead_missing' });
    const d = parseDeadline(p.deadlineText, ctx.env);
    // A heading's deadline is its children's: an empty cell there is no news.
    if (parents.has(i) && !p.deadlineText.trim()) d.warnings = d.warnings.filter((w) => w.code !== 'deadline_missing');
    return {
      line: i + 1,
      sourceLine: p.s.line,
      level: place.level,
      parentLine: place.parent === null ? null : place.parent + 1,
      code: place.code,
      label: p.numbering && p.numbering.style !== 'plain' ? p.numbering.label : '',
      title: p.title,
      description: p.description,
      leadUnit: first ?? null,
      supportUnits: dedupe([...otherLeads, ...names.support.map(ctx.match)]),
      deadlineText: p.deadlineText,
      deadline: d.value,
      fixedErrors: p.errors,
      fixedWarnings: p.warnings,
      deadlineErrors: d.errors,
      deadlineWarnings: d.warnings,
      unplaced: (p.s.unplaced ?? []).map((u) => clean(u, 'row', p.errors)),
    };
  });
}

const dedupe = (ms: UnitMatch[]) => ms.filter((m, i) => ms.findIndex((o) => o.text === m.text) === i);

/** The unit ids a row resolves to: the lead (the first unit of its lead names) and the rest as support. */
export function resolvedUnits(row: Pick<ImportRow, 'leadUnit' | 'supportUnits'>): { leadUnitId: string | null; supportUnitIds: string[] } {
  const lead = row.leadUnit?.units[0]?.unitId ?? null;
  const all = [...(row.leadUnit?.units.slice(1) ?? []), ...row.supportUnits.flatMap((m) => m.units)].map((u) => u.unitId);
  return { leadUnitId: lead, supportUnitIds: [...new Set(all)].filter((id) => id !== lead) };
}

/** What a name's match says: unmatched is an error, an abbreviation, a group or a vague word a warning. */
export function judgeUnit(m: UnitMatch, field: ImportField, errors: RowIssue[], warnings: RowIssue[]): void {
  if (m.how === 'none') errors.push({ field, code: 'unit_unknown', params: { text: m.text } });
  if (m.how === 'abbreviation') warnings.push({ field, code: 'unit_abbreviation', params: { text: m.text, name: m.units[0]!.name } });
  if (m.how === 'group') warnings.push({ field, code: 'unit_group', params: { text: m.text, count: m.units.length } });
  if (m.how === 'vague') warnings.push({ field, code: 'unit_vague', params: { text: m.text } });
}

/** A name matched to the unit the office chose, in place of what the matcher found. */
export const chosenUnit = (m: UnitMatch, unitId: string, name: string): UnitMatch => ({ ...m, how: 'exact', units: [{ unitId, name }], suggestions: [] });

/** Every error and warning of a row as it stands now (after fixes). */
export function rowIssues(row: ImportRow): { errors: RowIssue[]; warnings: RowIssue[] } {
  const errors = [...row.fixedErrors, ...row.deadlineErrors];
  const warnings = [...row.fixedWarnings, ...row.deadlineWarnings];
  const judge = (m: UnitMatch, field: ImportField) => judgeUnit(m, field, errors, warnings);
  if (row.leadUnit) judge(row.leadUnit, 'leadUnit');
  if (row.leadUnit && row.leadUnit.units.length > 1) warnings.push({ field: 'leadUnit', code: 'lead_many', params: { count: row.leadUnit.units.length } });
  for (const m of row.supportUnits) judge(m, 'supportUnits');
  return { errors, warnings };
}

/** A fix the office makes in the preview: a name matched to a unit, or the deadline written again. */
export interface RowFix {
  unitText?: string;
  unitId?: string;
  unitName?: string;
  deadlineText?: string;
}

/** The row with a fix applied; the caller has checked that the unit exists. */
export function applyFix(row: ImportRow, fix: RowFix, env: DeadlineEnv): ImportRow {
  let next = { ...row };
  if (fix.unitText !== undefined && fix.unitId && fix.unitName) {
    const chosen = (m: UnitMatch): UnitMatch => (m.text === fix.unitText ? chosenUnit(m, fix.unitId!, fix.unitName!) : m);
    next = { ...next, leadUnit: next.leadUnit && chosen(next.leadUnit), supportUnits: next.supportUnits.map(chosen) };
  }
  if (fix.deadlineText !== undefined) {
    const d = parseDeadline(fix.deadlineText, env);
    next = { ...next, deadlineText: fix.deadlineText, deadline: d.value, deadlineErrors: d.errors, deadlineWarnings: d.warnings };
  }
  return next;
}
