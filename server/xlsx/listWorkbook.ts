import { Readable } from 'node:stream';
import { shanghaiDateTime } from '../../domain/calendar/days.js';
import { columnLetters } from '../../domain/imports/itemRows.js';
import { now } from '../clock.js';
import { rowXml, sheetHead, sheetTail, STYLE, workbookParts, type Cell, type SheetLayout } from './sheetXml.js';
import { zipStream } from './zipStream.js';

export type { Cell } from './sheetXml.js';

/** Hears the number of data rows written so far, after each page (an export's progress bar). */
export type RowsWritten = (rows: number) => void;

/** A list as an office prints it: title, the filters it was cut by, the header, then the rows. */
export interface ListSheet {
  /** The sheet's (and workbook's) name. */
  name: string;
  /** The title row across the columns ("双台子区任务分解表（2026年12月6日）"). */
  title: string;
  /** "筛选条件：…". */
  filterLine: string;
  header: readonly string[];
  /** Column widths in characters, in the header's order. */
  widths: readonly number[];
}

/** "方案：name" for an id filter given, "方案：（未知）" when its name was not found, nothing when not given. */
export const namedFilter = (label: string, name: string | null | undefined) => name !== undefined && `${label}：${name ?? '（未知）'}`;

/** A moment as the sheets show it: Asia/Shanghai, to the second; empty when there is none. */
export const timeCell = (d: Date | null) => (d ? shanghaiDateTime(d) : '');

export const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** "筛选条件：a；b" or "筛选条件：全部" when nothing narrows the list. */
export const filterLineOf = (parts: readonly (string | false | null | undefined)[]) => {
  const given = parts.filter((p): p is string => !!p);
  return `筛选条件：${given.length ? given.join('；') : '全部'}`;
};

/** One sheet of a workbook: the list's frame and its rows, page by page. */
export interface SheetOf {
  sheet: ListSheet;
  rows: AsyncIterable<Iterable<readonly Cell[]>>;
}

/**
 * Bytes per piece handed to zlib. Rows are encoded straight into a piece rather than joined into
 * one string first: a string over 128 KB is born in V8's old generation and stays there until a
 * full collection, however briefly it was needed.
 */
const PIECE = 64 * 1024;

/** The sheet's XML in pieces of at most PIECE bytes (one longer row excepted): head, title, filter and header rows, the rows as they arrive, the tail. */
async function* sheetPieces(sheet: ListSheet, layout: SheetLayout, rows: AsyncIterable<Iterable<readonly Cell[]>>, onRows?: RowsWritten): AsyncGenerator<Buffer> {
  const letters = sheet.header.map((_, i) => columnLetters(i + 1));
  let piece = Buffer.allocUnsafe(PIECE);
  let used = 0;
  /** Adds `xml` to the piece; returns the full piece to hand on when `xml` did not fit, or the long row itself. */
  const add = (xml: string): Buffer | null => {
    // At most 3 bytes of UTF-8 per UTF-16 unit: a bound that needs no second pass over the text.
    if (used + xml.length * 3 <= PIECE) {
      used += piece.write(xml, used);
      return null;
    }
    const full = piece.subarray(0, used);
    piece = Buffer.allocUnsafe(PIECE);
    used = 0;
    if (xml.length * 3 > PIECE) return Buffer.concat([full, Buffer.from(xml)]);
    used = piece.write(xml, 0);
    return full;
  };
  for (const xml of [sheetHead(layout), rowXml(1, [sheet.title], letters, STYLE.title), rowXml(2, [sheet.filterLine], letters), rowXml(3, sheet.header, letters, STYLE.header)]) {
    const full = add(xml);
    if (full) yield full;
  }
  let r = 3;
  for await (const page of rows) {
    for (const cells of page) {
      const full = add(rowXml(++r, cells, letters));
      if (full) yield full;
    }
    onRows?.(r - 3);
  }
  const full = add(sheetTail(layout));
  if (full) yield full;
  if (used) yield piece.subarray(0, used);
}

/**
 * Writes the list as an .xlsx into a stream while the rows arrive: each row becomes XML once
 * (strings inline, no shared-string table, no cell objects) and is deflated straight into the
 * download, and the next page of rows is read only when the reader has taken what was written.
 * Memory stays at a page whatever the list's length, and the first bytes leave before the last row
 * is read. A page may be an iterator that makes each row's cells as the writer reaches it (the
 * report export does, see reportsXlsx). exceljs's streaming writer did this job with a cell
 * object and a model per cell and 64 KB copies that it handed to zlib without waiting for it:
 * exporting 250,000 reports took the server from 292 MB to 441 MB. A failure while reading
 * destroys the stream with it (the download breaks off rather than ending as a short file).
 */
export function listWorkbookStream(sheet: ListSheet, rows: AsyncIterable<Iterable<readonly Cell[]>>, onRows?: RowsWritten): Readable {
  return listWorkbookSheets([{ sheet, rows }], onRows);
}

/**
 * Several lists in one workbook, a sheet each in the order given, each framed as listWorkbookStream
 * frames one (a sheet is written whole before the next is begun). `onRows` hears the rows of all
 * sheets together.
 */
export function listWorkbookSheets(sheets: readonly SheetOf[], onRows?: RowsWritten): Readable {
  const created = now();
  let before = 0;
  const entries = sheets.map(({ sheet, rows }, i) => {
    const last = columnLetters(sheet.header.length);
    const layout: SheetLayout = { widths: sheet.widths, frozenRows: 3, merges: [`A1:${last}1`, `A2:${last}2`] };
    let mine = 0;
    const counted: RowsWritten = (n) => {
      mine = n;
      onRows?.(before + n);
    };
    async function* data(): AsyncGenerator<Buffer> {
      yield* sheetPieces(sheet, layout, rows, counted);
      before += mine;
    }
    return { name: `xl/worksheets/sheet${i + 1}.xml`, data: data() };
  });
  const book = { title: sheets[0]?.sheet.name ?? '', sheets: sheets.map(({ sheet }) => ({ name: sheet.name, printTitleRow: 3 })) };
  const parts = workbookParts(book, created).map((p) => ({ name: p.name, data: Buffer.from(p.xml) }));
  return Readable.from(zipStream([...parts, ...entries], created), { objectMode: false });
}

/** The whole workbook in memory: for lists of at most some tens of thousands of rows and for tests. */
export async function listWorkbook(sheet: ListSheet, rows: AsyncIterable<Iterable<readonly Cell[]>>, onRows?: RowsWritten): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of listWorkbookStream(sheet, rows, onRows)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
