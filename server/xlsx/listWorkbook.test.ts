import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listWorkbook, listWorkbookStream, type Cell, type ListSheet } from './listWorkbook.js';

const SHEET: ListSheet = { name: '进展报送', title: '双台子区进展报送汇总表（2026年12月6日）', filterLine: '筛选条件：全部', header: ['序号', '名称', '备注', '数值'], widths: [8, 40, 20, 12] };

async function* pagesOf(rows: Cell[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('the list workbook writer', () => {
  it('writes title, filters and header as an office prints them: merged, bold, frozen, A4 landscape one page wide, the header on every page', async () => {
    const wb = await load(await listWorkbook(SHEET, pagesOf([[1, '甲', null, 2]], 10)));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('进展报送');
    expect(ws.getCell('A1').value).toBe(SHEET.title);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A2').value).toBe('筛选条件：全部');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(SHEET.header);
    expect(ws.getCell('B3').font).toMatchObject({ bold: true });
    expect(ws.model.merges).toEqual(['A1:D1', 'A2:D2']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(SHEET.widths.map((_, i) => ws.getColumn(i + 1).width)).toEqual(SHEET.widths);
  });

  it('reads back every cell as written, across pages and pieces: markup and entities as typed, spaces and line breaks kept, numbers as numbers, a cell longer than a piece', async () => {
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, i) => [i + 1, `第${i}行${'进展'.repeat(i % 50)}`, i % 5 ? null : '', i / 4]);
    rows[7] = [8, 'a & b <c> "d" \'e\' &amp; &#x41;', ' 前后有空格 ', -12.5];
    rows[8] = [9, '第一行\n第二行', '\t制表', 0];
    rows[9] = [10, '长'.repeat(40_000), 'x'.repeat(70_000), 1e-7];
    const wb = await load(await listWorkbook(SHEET, pagesOf(rows, 700)));
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3 + rows.length);
    const back = rows.map((_, i) => {
      const values = ws.getRow(4 + i).values as unknown[];
      return [1, 2, 3, 4].map((col) => values[col]);
    });
    // Empty cells are left out, as Excel leaves them: an empty string reads back as no value.
    expect(back).toEqual(rows.map((r) => r.map((v) => (v === '' || v === null ? undefined : v))));
  });

  it('leaves out characters XML cannot hold instead of writing a file Excel refuses', async () => {
    const wb = await load(await listWorkbook(SHEET, pagesOf([[1, 'a\u0000b\u0007c\u001fd\u007fe', null, null]], 1)));
    expect(wb.worksheets[0]!.getCell('B4').value).toBe('abcde');
  });

  it('reads the next page only when the reader has taken what was written, and breaks the download off when reading fails', async () => {
    let pagesRead = 0;
    async function* endless() {
      for (let p = 0; ; p++) {
        pagesRead++;
        yield Array.from({ length: 1000 }, (_, i): Cell[] => [p * 1000 + i, `事项${i}的进展情况，按季度报送`.repeat(3), '备注', i]);
      }
    }
    const stream = listWorkbookStream(SHEET, endless());
    for await (const _ of stream) break;
    await new Promise((r) => setTimeout(r, 200));
    // A page or two ahead at most: 1,000 rows are about 200 KB of XML, zlib's buffers a fraction of that.
    expect(pagesRead).toBeLessThanOrEqual(3);

    async function* failing() {
      yield [[1, '甲', null, 1]] as Cell[][];
      throw new Error('database gone');
    }
    await expect(listWorkbook(SHEET, failing())).rejects.toThrow('database gone');
  });
});
