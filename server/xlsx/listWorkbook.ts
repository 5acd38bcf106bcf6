import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '../../domain/calendar/days.js';

export type Cell = string | number | null;

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
  /**
   * False for lists of hundreds of thousands of rows: no bold title and header. exceljs looks up a
   * style for every cell when styles are on, a third of its time (250,000 reports: 4 s of 11).
   */
  styled?: boolean;
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
  rows: AsyncIterable<readonly Cell[][]>;
}

/**
 * Writes the list as an .xlsx into a stream while the rows arrive, holding no cell objects for rows
 * already written (exceljs's streaming writer, no shared strings): memory stays flat whatever the
 * list's length, and the first bytes leave before the last row is read. The data cells carry no
 * style: styling each cell costs exceljs about 1 s per 20,000 rows. A failure while reading
 * destroys the stream with it (the download breaks off rather than ending as a short file).
 */
export function listWorkbookStream(sheet: ListSheet, rows: AsyncIterable<readonly Cell[][]>): Readable {
  return listWorkbookSheets([{ sheet, rows }]);
}

/**
 * Several lists in one workbook, a sheet each in the order given, each framed as listWorkbookStream
 * frames one (a sheet is written whole before the next is begun). Styles are on unless every sheet
 * turns them off.
 */
export function listWorkbookSheets(sheets: readonly SheetOf[]): Readable {
  const out = new PassThrough();
  void (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: sheets.some((s) => s.sheet.styled !== false), useSharedStrings: false });
    wb.title = sheets[0]?.sheet.name ?? '';
    for (const { sheet, rows } of sheets) {
      const ws = wb.addWorksheet(sheet.name, {
        views: [{ state: 'frozen', ySplit: 3 }],
        // A4 landscape, the header repeated on every page: how the lists are printed and filed.
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
      });
      ws.columns = sheet.widths.map((width) => ({ width }));
      const title = ws.addRow([sheet.title]);
      title.font = { bold: true, size: 16 };
      title.alignment = { horizontal: 'center' };
      ws.addRow([sheet.filterLine]);
      // Merged before committing: a streamed sheet cannot reach a committed row again.
      ws.mergeCells(1, 1, 1, sheet.header.length);
      ws.mergeCells(2, 1, 2, sheet.header.length);
      const header = ws.addRow([...sheet.header]);
      header.font = { bold: true };
      header.commit();
      for await (const page of rows) for (const r of page) ws.addRow(r).commit();
      ws.commit();
    }
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** The whole workbook in memory: for lists of at most some tens of thousands of rows and for tests. */
export async function listWorkbook(sheet: ListSheet, rows: AsyncIterable<readonly Cell[][]>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of listWorkbookStream(sheet, rows)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
