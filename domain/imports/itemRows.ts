import { LIMITS } from '../limits.js';
import { columnsOf, type ItemKind } from './itemColumns.js';
import { cellLabel, readItemValues, type ItemCell, type ProjectValues, type TargetValues, type ValuesContext } from './itemValues.js';
import type { RowIssue } from './issues.js';
import { escapeUnstorable, isStorableText } from '../storableText.js';
import { chosenUnit, judgeUnit, type ImportRow } from './rows.js';
import type { GridRow } from './sheet.js';
import { splitUnitList, type UnitMatch } from './units.js';

/** A target's or project's row as the reader found it: its cells by key, and what the reader found wrong. */
export interface ItemSourceRow {
  line: number;
  cells: Record<string, ItemCell>;
  problems?: RowIssue[];
}

interface RowBase {
  /** The row's place in the preview (1, 2, …): its key for fixes. */
  line: number;
  sourceLine: number;
  code: string;
  name: string;
  /** The data unit (a target) or the responsible unit (a project). */
  unit: UnitMatch | null;
  area: { text: string; areaId: string | null; name: string | null } | null;
  /** Every value cell as written (and as fixed): the values are read from them again after a fix. */
  cells: Record<string, ItemCell>;
  /** Problems no fix in the preview changes (the code, the name, the reader's), and the cells' own. */
  fixedErrors: RowIssue[];
  fixedWarnings: RowIssue[];
  valueErrors: RowIssue[];
  valueWarnings: RowIssue[];
}
export interface TargetImportRow extends RowBase {
  kind: 'target';
  values: TargetValues;
}
export interface ProjectImportRow extends RowBase {
  kind: 'project';
  values: ProjectValues;
}
/** A row of a target or key-project preview; stored in `import_previews.rows` beside task rows, told apart by `kind`. */
export type ItemImportRow = TargetImportRow | ProjectImportRow;

export interface ItemRowContext extends ValuesContext {
  match: (name: string) => UnitMatch;
  /** The program's areas (重点领域), matched by name. */
  areas: readonly { id: string; name: string }[];
  /** Codes taken already (the plan's targets; every project's). */
  takenCodes: ReadonlySet<string>;
  /** Where numbering starts for rows without a usable 序号 (after the highest numeric code taken). */
  firstCode: number;
}

const NAME_MAX: Record<ItemKind, number> = { target: LIMITS.name, project: 200 };
const CODE = /^[A-Za-z0-9_.-]{1,32}$/;
// A table's sum row and its category headings ("一、工业项目" over its projects) are no items.
const SUM_ROW = /^(?:合计|总计|小计|共计)$/;
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

/** The cells of the data rows under the header, by key with their addresses; empty rows, sums and headings left out. */
export function itemSourceRows(rows: readonly GridRow[], columns: Partial<Record<string, number>>, dataFrom: number): ItemSourceRow[] {
  const out: ItemSourceRow[] = [];
  for (const r of rows.slice(dataFrom)) {
    const cells: Record<string, ItemCell> = {};
    for (const [key, col] of Object.entries(columns)) {
      if (col === undefined) continue;
      cells[key] = { text: (r.cells[col] ?? '').trim(), address: `${columnLetters(col + 1)}${r.line}` };
    }
    const name = cells.name?.text ?? '';
    const others = Object.entries(cells).filter(([k, c]) => k !== 'name' && k !== 'code' && c.text !== '');
    if (!r.problems?.length && (SUM_ROW.test(name.replace(/\s/g, '')) || (!others.length && (name === '' || HEADING.test(name))))) continue;
    out.push({ line: r.line, cells, ...(r.problems?.length ? { problems: r.problems } : {}) });
  }
  return out;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * The preview's rows of a 指标表 or 重点项目表: each row's code (its 序号 when that can be one and is
 * free, else the next free number, with a word), name, unit (one: a target's data unit, a project's
 * responsible unit), area and values, and every problem. Text that cannot be stored is escaped and an
 * error on its cell.
 */
export function buildItemRows(kind: ItemKind, sources: readonly ItemSourceRow[], ctx: ItemRowContext): ItemImportRow[] {
  const used = new Set<string>();
  let next = ctx.firstCode;
  const freeCode = () => {
    while (ctx.takenCodes.has(String(next)) || used.has(String(next))) next++;
    return String(next++);
  };
  const wanted = sources.map((s) => (s.cells.code?.text ?? '').trim());
  return sources.map((s, i) => {
    const errors: RowIssue[] = [...(s.problems ?? [])];
    const warnings: RowIssue[] = [];
    const cells: Record<string, ItemCell> = {};
    for (const [key, c] of Object.entries(s.cells)) {
      const field = key === 'name' || key === 'unit' || key === 'area' || key === 'code' ? key : 'value';
      if (!isStorableText(c.text)) errors.push({ field, ...(field === 'value' ? { cell: key } : {}), code: 'unstorable' });
      cells[key] = { ...c, text: escapeUnstorable(c.text) };
    }
    let code = wanted[i]!;
    if (CODE.test(code) && !used.has(code) && !ctx.takenCodes.has(code)) used.add(code);
    else if (CODE.test(code)) errors.push({ field: 'code', code: used.has(code) ? 'code_repeated' : 'code_used', params: { code } });
    else {
      const text = cells.code?.text ?? '';
      code = freeCode();
      used.add(code);
      if (text) warnings.push({ field: 'code', code: 'code_auto', params: { text, code } });
    }
    const name = (cells.name?.text ?? '').replace(/[\s\u3000]+/g, ' ').trim();
    if (!name) errors.push({ field: 'name', code: 'name_missing' });
    if (name.length > NAME_MAX[kind]) errors.push({ field: 'name', code: 'text_too_long', params: { label: '名称', max: NAME_MAX[kind] } });
    const [first, ...more] = splitUnitList(cells.unit?.text ?? '');
    if (more.length) warnings.push({ field: 'unit', code: 'unit_extra', params: { text: more.join('、') } });
    const areaText = (cells.area?.text ?? '').replace(/[\s\u3000]+/g, '');
    const area = areaText ? ctx.areas.find((a) => a.name.replace(/[\s\u3000]+/g, '') === areaText) : undefined;
    if (areaText && !area) warnings.push({ field: 'area', code: 'area_unknown', params: { text: areaText } });
    const valueCells = Object.fromEntries(Object.entries(cells).filter(([k]) => !['code', 'name', 'unit', 'area'].includes(k)));
    const v = readItemValues(kind, valueCells, ctx);
    return {
      kind,
      line: i + 1,
      sourceLine: s.line,
      code,
      name,
      unit: first ? ctx.match(first) : null,
      area: areaText ? { text: areaText, areaId: area?.id ?? null, name: area?.name ?? null } : null,
      cells: valueCells,
      values: v.values,
      fixedErrors: errors,
      fixedWarnings: warnings,
      valueErrors: v.errors,
      valueWarnings: v.warnings,
    } as ItemImportRow;
  });
}

/** Every error and warning of a row as it stands now (after fixes). */
export function itemRowIssues(row: ItemImportRow): { errors: RowIssue[]; warnings: RowIssue[] } {
  const errors = [...row.fixedErrors, ...row.valueErrors];
  const warnings = [...row.fixedWarnings, ...row.valueWarnings];
  if (!row.unit) errors.push({ field: 'unit', code: 'unit_missing' });
  else {
    judgeUnit(row.unit, 'unit', errors, warnings);
    // One unit answers for a target's data or a project: a group or a vague word must be made one.
    if (row.unit.how === 'group' || row.unit.how === 'vague') errors.push({ field: 'unit', code: 'unit_not_one', params: { text: row.unit.text } });
  }
  return { errors, warnings };
}

/** A fix in a target or project preview: the unit matched by hand, or one value cell written again. */
export interface ItemRowFix {
  unitText?: string | undefined;
  unitId?: string | undefined;
  unitName?: string | undefined;
  cell?: string | undefined;
  text?: string | undefined;
}

/** The row with a fix applied (the caller has checked the unit and the cell's key); its values are read again. */
export function applyItemFix(row: ItemImportRow, fix: ItemRowFix, ctx: ValuesContext): ItemImportRow {
  let next = { ...row };
  if (fix.unitText !== undefined && fix.unitId && fix.unitName && row.unit?.text === fix.unitText) next = { ...next, unit: chosenUnit(row.unit, fix.unitId, fix.unitName) };
  if (fix.cell !== undefined && fix.text !== undefined) {
    const cells = { ...next.cells, [fix.cell]: { text: fix.text, address: next.cells[fix.cell]?.address ?? '' } };
    const v = readItemValues(row.kind, cells, ctx);
    next = { ...next, cells, values: v.values, valueErrors: v.errors, valueWarnings: v.warnings } as ItemImportRow;
  }
  return next;
}

/** The unit id a row resolves to: its one matched unit. */
export const itemUnitId = (row: ItemImportRow): string | null => (row.unit && row.unit.units.length === 1 && (row.unit.how === 'exact' || row.unit.how === 'abbreviation') ? row.unit.units[0]!.unitId : null);

/** A stored preview row: a task's (which has no `kind`) or a target's or project's. */
export type AnyImportRow = ImportRow | ItemImportRow;
export const isItemRow = (r: AnyImportRow): r is ItemImportRow => 'kind' in r;

/**
 * The value columns a preview of these rows shows, in the table's order: every plain column (a fix
 * may fill one the sheet lacked) and the year columns the rows have (the undated one when none).
 */
export function previewColumns(kind: ItemKind, rows: readonly ItemImportRow[]): { key: string; label: string }[] {
  const base = kind === 'target' ? 'goal' : 'plan';
  const keys = new Set(rows.flatMap((r) => Object.keys(r.cells)));
  const years = [...keys].filter((k) => k.startsWith(`${base}:`)).sort();
  const out: string[] = [];
  for (const c of columnsOf(kind)) {
    if (['code', 'name', 'unit', 'area'].includes(c.key)) continue;
    if (c.key === base) {
      if (keys.has(base) || !years.length) out.push(base);
      out.push(...years);
    } else out.push(c.key);
  }
  return out.map((key) => ({ key, label: cellLabel(kind, key) }));
}
