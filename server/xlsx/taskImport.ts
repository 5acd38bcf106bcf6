import type ExcelJS from 'exceljs';
import { newWorkbook } from './excelJs.js';
import type { RowIssue } from '../../domain/imports/issues.js';
import { findHeader, sheetRows, type GridRow } from '../../domain/imports/sheet.js';
import type { SourceRow } from '../../domain/imports/rows.js';
import { findItemHeader, type ItemKind } from '../../domain/imports/itemColumns.js';
import { itemSourceRows, type ItemSourceRow } from '../../domain/imports/itemRows.js';
import type { MessageCode } from '../i18n.js';
import { AppError } from '../errors.js';
import type { Upload } from '../uploads.js';
import { guardZip, IMPORT_ZIP_LIMITS } from '../zipGuard.js';

/** Data rows one import may hold: a district's whole program is a few thousand. */
export const TASK_IMPORT_MAX_ROWS = 10_000;
/** Columns read: a 任务分解表 has fewer than a dozen; the rest of a wide sheet is notes nobody imports. */
const MAX_COLUMNS = 30;
// An OLE compound file: an .xls, or an .xlsx Excel encrypted with a password (it wraps the zip in one).
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text: the value, never the formula. A formula's cached result is what Excel showed; one
 * without (written by a tool that does not compute) or with an error (#REF!) is a problem of the row.
 * Dates are calendar days (exceljs gives them at UTC midnight); a merged cell's value is its master's
 * (exceljs spreads it), so a task merged over its measures reaches every row.
 */
function cellText(cell: ExcelJS.Cell): { text: string; formulaProblem?: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}` };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date))) return { text: '', formulaProblem: true };
      return r instanceof Date ? cellText({ value: r } as ExcelJS.Cell) : { text: String(r) };
    }
    if ('richText' in v) return { text: v.richText.map((t) => t.text).join('') };
    if ('error' in v) return { text: '', formulaProblem: true };
    if ('text' in v) return { text: String((v as { text: unknown }).text) };
    return { text: '' };
  }
  return { text: String(v) };
}

/** The sheet as rows of texts, merged values spread, formula problems noted per row. */
function gridOf(ws: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const problems: RowIssue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const t = cellText(cell);
      if (t.formulaProblem) problems.push({ field: 'row', code: 'formula', params: { cell: cell.address } });
      cells.push(t.text);
    }
    rows.push({ line, cells, ...(problems.length ? { problems } : {}) });
  });
  return rows;
}

/**
 * Reads an uploaded table: refuses what is no .xlsx workbook (415, naming the file: an old .xls, one
 * with a password, one with macros), what would unpack too far (the zip guard, 413), an empty one or
 * one with no header (400/422, `noHeader` naming what was looked for) and more than
 * TASK_IMPORT_MAX_ROWS data rows (413). The first visible sheet `rowsOf` finds a header in is read
 * (undefined: no header there); rows above the header (a title) are skipped.
 */
async function readSheet<T>(file: Upload, rowsOf: (grid: GridRow[]) => T[] | undefined, noHeader: MessageCode): Promise<T[]> {
  const named = { file: file.name };
  if (file.bytes.length === 0) throw new AppError(400, 'import_empty', named);
  if (file.bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    throw new AppError(415, file.bytes.includes(ENCRYPTION_INFO) ? 'import_encrypted' : 'import_legacy_xls', named);
  }
  const entries = await guardZip(file.bytes, file.name, IMPORT_ZIP_LIMITS);
  if (!entries || !entries.includes('xl/workbook.xml')) throw new AppError(415, 'import_not_xlsx', named);
  if (entries.some((e) => /vbaProject\.bin$|^xl\/macrosheets\//i.test(e))) throw new AppError(415, 'import_macro', named);
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(415, 'import_not_xlsx', named);
  }
  const sheets = wb.worksheets.filter((w) => w.state === 'visible');
  if (sheets.every((w) => w.actualRowCount === 0)) throw new AppError(400, 'import_empty', named);
  for (const ws of sheets) {
    if (ws.actualRowCount > TASK_IMPORT_MAX_ROWS + 20) throw new AppError(413, 'import_too_many_rows', { ...named, max: TASK_IMPORT_MAX_ROWS });
    const rows = rowsOf(gridOf(ws));
    if (!rows) continue;
    if (rows.length > TASK_IMPORT_MAX_ROWS) throw new AppError(413, 'import_too_many_rows', { ...named, max: TASK_IMPORT_MAX_ROWS });
    if (rows.length === 0) throw new AppError(400, 'import_empty', named);
    return rows;
  }
  throw new AppError(422, noHeader, named);
}

/** A 任务分解表's rows (a task merged over its measures becomes their parent). */
export function readTaskSheet(file: Upload): Promise<SourceRow[]> {
  return readSheet(
    file,
    (grid) => {
      const header = findHeader(grid);
      return header && sheetRows(grid, header.columns, header.dataFrom);
    },
    'import_no_header',
  );
}

/** A 指标表's or 重点项目表's rows, each cell by its column's key, with its address. */
export function readItemSheet(kind: ItemKind, file: Upload): Promise<ItemSourceRow[]> {
  return readSheet(
    file,
    (grid) => {
      const header = findItemHeader(kind, grid);
      return header && itemSourceRows(grid, header.columns, header.dataFrom);
    },
    kind === 'target' ? 'import_no_header_targets' : 'import_no_header_projects',
  );
}
