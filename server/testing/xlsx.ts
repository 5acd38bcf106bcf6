import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The header row people type: account, post, mobile, unit, roles, and the optional e-mail. */
export const IMPORT_HEADER = ['账号', '职务（显示名）', '手机号', '单位', '角色', '邮箱'];

/** A real .xlsx workbook: a header row, then the rows as given. */
export async function xlsxFile(rows: (string | number | null)[][], header: string[] = IMPORT_HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet back as rows of cell texts. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

/** A multipart/form-data body with one file field, serialised by hand as a browser would send it. */
export function multipart(content: Buffer | string, filename = 'users.xlsx', contentType = XLSX_TYPE, field = 'file') {
  const boundary = `----tuijin${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
