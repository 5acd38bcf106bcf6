import type { RowIssue } from './issues.js';
import type { SourceRow } from './rows.js';

/** A sheet's row as the .xlsx reader gives it: merged values spread, values not formulas. */
export interface GridRow {
  line: number;
  cells: string[];
  problems?: RowIssue[];
}

export const SHEET_COLUMNS = ['seq', 'measure', 'lead', 'support', 'units', 'deadline', 'description', 'title'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

// Order matters: 具体措施 before 任务, 牵头/配合 before 责任单位 (a 责任单位 header over 牵头|配合 is the group).
const HEADERS: [SheetColumn, RegExp][] = [
  ['seq', /^(?:序号|编号|序|No\.?)$/i],
  ['measure', /具体措施|工作措施|工作举措|主要措施|落实举措|具体举措|推进措施|^措施$|^举措$/],
  ['lead', /牵头单位|牵头部门|主责单位|^牵头$/],
  ['support', /配合单位|配合部门|协办单位|协同单位|参与单位|^配合$/],
  ['units', /责任单位|责任部门|责任主体/],
  ['deadline', /完成时限|完成时间|时间节点|时限|完成期限|时间要求|截止时间|进度安排/],
  ['description', /备注|说明|预期目标|工作目标|预期成效/],
  ['title', /重点任务|主要任务|工作任务|任务名称|任务内容|^任务$|工作内容|目标任务|重点工作|工作事项|^事项$/],
];

/** A header cell's words without spaces and the asterisks that mark required columns. */
export const squash = (s: string) => s.replace(/[\s\u3000*＊]+/g, '');
export const headerOf = (cell: string): SheetColumn | undefined => {
  const t = squash(cell);
  return t ? HEADERS.find(([, re]) => re.test(t))?.[0] : undefined;
};

export type HeaderMap = Partial<Record<SheetColumn, number>>;

/**
 * Where the header is (after any title rows) and which column holds what, for any table whose
 * header words `recognise` knows. A header may take several rows (责任单位 merged over 牵头单位 |
 * 配合单位): a row right below whose every cell is a header word or repeats the cell above (a
 * vertical merge, spread) belongs to it, and its words win. Undefined when no row within the first
 * 20 is one `isHeader` accepts.
 */
export function findHeaderBy<K extends string>(
  rows: readonly GridRow[],
  recognise: (cell: string) => K | undefined,
  isHeader: (kinds: readonly (K | undefined)[]) => boolean,
): { columns: Partial<Record<K, number>>; dataFrom: number } | undefined {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const kinds = rows[i]!.cells.map(recognise);
    if (!isHeader(kinds)) continue;
    const columns: Partial<Record<K, number>> = {};
    kinds.forEach((k, c) => {
      if (k) columns[k] = c;
    });
    let next = i + 1;
    while (next < rows.length) {
      const above = rows[next - 1]!.cells;
      const cells = rows[next]!.cells;
      const filled = cells.map((c, k) => [c, k] as const).filter(([c]) => c.trim() !== '');
      const allHeader = filled.length > 0 && filled.every(([c, k]) => recognise(c) !== undefined || c === above[k]);
      if (!allHeader || !filled.some(([c, k]) => c !== above[k])) break;
      // The lower row's words name the columns; a word used above for a spread group gives way.
      for (const [c, k] of filled) {
        const kind = recognise(c);
        if (!kind) continue;
        for (const key of Object.keys(columns) as K[]) if (columns[key] === k) delete columns[key];
        columns[kind] = k;
      }
      next++;
    }
    return { columns, dataFrom: next };
  }
  return undefined;
}

/** A 任务分解表's header: a row naming a task column (重点任务 or 具体措施) and one other. */
export function findHeader(rows: readonly GridRow[]): { columns: HeaderMap; dataFrom: number } | undefined {
  return findHeaderBy(rows, headerOf, (kinds) => {
    // Two different columns at least: a title merged across ("2026年重点工作任务分解表", spread into
    // every cell) names one kind many times and is no header.
    const known = new Set(kinds.filter(Boolean));
    return known.size >= 2 && (known.has('title') || known.has('measure'));
  });
}

/**
 * The rows of a 任务分解表. With both a task column and a measures column (a task merged over its
 * measures), each task becomes a row with its measures below it; otherwise every row is a task and
 * the numbering (序号 or in the text) makes the tree. Empty rows are skipped.
 */
export function sheetRows(rows: readonly GridRow[], columns: HeaderMap, dataFrom: number): SourceRow[] {
  const at = (r: GridRow, k: SheetColumn) => (columns[k] === undefined ? '' : (r.cells[columns[k]!] ?? '').trim());
  const grouped = columns.title !== undefined && columns.measure !== undefined;
  const out: SourceRow[] = [];
  const base = (r: GridRow) => ({
    line: r.line,
    lead: at(r, 'lead'),
    support: at(r, 'support'),
    units: at(r, 'units'),
    deadline: at(r, 'deadline'),
    description: at(r, 'description'),
    ...(r.problems?.length ? { problems: r.problems } : {}),
  });
  const data = rows.slice(dataFrom);
  if (!grouped) {
    for (const r of data) {
      const row = { ...base(r), seq: at(r, 'seq'), title: at(r, 'title') };
      if (row.title || row.lead || row.units || row.deadline || r.problems?.length) out.push(row);
    }
    return out;
  }
  // Consecutive rows with one task (its merged cell spread) are that task's measures.
  const groups: { task: string; rows: GridRow[] }[] = [];
  for (const r of data) {
    const task = at(r, 'title');
    if (!task && !at(r, 'measure') && !r.problems?.length) continue;
    const last = groups[groups.length - 1];
    if (last && (task === last.task || !task)) last.rows.push(r);
    else groups.push({ task, rows: [r] });
  }
  for (const g of groups) {
    // A 序号 merged over the group numbers the task; one per row numbers the measures.
    const seqs = new Set(g.rows.map((r) => at(r, 'seq')));
    const taskSeq = seqs.size === 1 && g.rows.length > 1 ? at(g.rows[0]!, 'seq') : '';
    if (g.task) out.push({ line: g.rows[0]!.line, seq: taskSeq || (g.rows.length === 1 ? at(g.rows[0]!, 'seq') : ''), title: g.task, levelHint: 0 });
    for (const r of g.rows) {
      const measure = at(r, 'measure');
      if (measure || r.problems?.length) out.push({ ...base(r), seq: taskSeq || g.rows.length === 1 ? '' : at(r, 'seq'), title: measure, levelHint: g.task ? 1 : 0 });
    }
  }
  return out;
}
