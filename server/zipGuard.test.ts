import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { message } from './i18n.js';
import { xlsxFile } from './testing/xlsx.js';
import { sheetXml, workbookParts, xlsxBomb, zipFile } from './testing/zip.js';
import { checkZip, guardZip, IMPORT_ZIP_LIMITS, inspectZip, ZIP_LIMITS } from './zipGuard.js';

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('the zip guard, before anything parses a zip', () => {
  it('lets through workbooks and documents as Office lays them out, with its part names', async () => {
    const sheet = await xlsxFile([['a', 'b']]);
    expect(await guardZip(sheet, 'users.xlsx', IMPORT_ZIP_LIMITS)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    const docx = zipFile([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: `<w:document><w:body>${'<w:p><w:r><w:t>验收报告</w:t></w:r></w:p>'.repeat(2000)}</w:body></w:document>` },
      { name: 'word/media/photo.png', data: Buffer.alloc(64 * 1024, 7), store: true },
    ]);
    expect(await guardZip(docx, '报告.docx')).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    // ZIP64 sizes are read from their extra field.
    expect(await guardZip(zipFile(workbookParts(sheetXml(['x']), { zip64: true })), 'z.xlsx')).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a 32 MB sheet packed into 32 KB from its directory alone, at once and naming the file', async () => {
    const bomb = xlsxBomb(32);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    expect(inspectZip(bomb, IMPORT_ZIP_LIMITS)).toEqual({ ok: false, reason: 'size', max: 20 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(200);
    const e = await refusal(guardZip(bomb, 'bomb.xlsx', IMPORT_ZIP_LIMITS));
    expect([e.status, e.code]).toEqual([413, 'archive_too_large']);
    expect(message(e.code, 'zh-CN', e.params)).toBe('文件“bomb.xlsx”解压后超过 20 MB，已拒绝');
    expect(message(e.code, 'en-US', e.params)).toBe('The file “bomb.xlsx” unpacks to more than 20 MB; refused');
    // Declared as ZIP64 it is the same bomb.
    expect(inspectZip(zipFile(workbookParts(Buffer.alloc(24 * 1024 * 1024, 0x20), { zip64: true })), IMPORT_ZIP_LIMITS)).toMatchObject({ reason: 'size' });
  });

  it('refuses an entry packed more than 200 times over, even under the size limit', async () => {
    const e = await refusal(guardZip(xlsxBomb(8), 'dense.xlsx'));
    expect([e.status, e.code, message(e.code, 'zh-CN', e.params)]).toEqual([413, 'archive_ratio', '文件“dense.xlsx”的压缩比超过 200 倍，疑似压缩炸弹，已拒绝']);
  });

  it('refuses too many entries before reading them', async () => {
    const many = zipFile(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `word/media/${i}.xml`, data: 'x', store: true })));
    const e = await refusal(guardZip(many, 'many.docx'));
    expect([e.status, e.code, message(e.code, 'en-US', e.params)]).toEqual([413, 'archive_too_many_entries', 'The file “many.docx” holds more than 2000 entries; refused']);
  });

  it('catches a directory that lies about the unpacked size, inflating no further than the lie', async () => {
    const liar = xlsxBomb(32, 1000);
    expect(inspectZip(liar, IMPORT_ZIP_LIMITS).ok).toBe(true);
    const started = performance.now();
    expect(await checkZip(liar, IMPORT_ZIP_LIMITS)).toEqual({ ok: false, reason: 'mismatch' });
    expect(performance.now() - started).toBeLessThan(500);
    const e = await refusal(guardZip(liar, 'liar.xlsx', IMPORT_ZIP_LIMITS));
    expect([e.status, e.code, message(e.code, 'zh-CN', e.params)]).toEqual([413, 'archive_mismatch', '文件“liar.xlsx”解压后的大小与其目录记载不符，已拒绝']);
  });

  it('takes an empty zip for a zip with no parts (the callers ask for theirs)', async () => {
    expect(await guardZip(zipFile([]), 'empty.docx')).toEqual([]);
  });

  it('answers "no zip" for what is not one, or what the parsers cannot read', async () => {
    const sheet = await xlsxFile([['a', 'b']]);
    const notZips = [
      Buffer.from('PK\u0003\u0004 not really a zip'),
      Buffer.from('plain text'),
      Buffer.alloc(0),
      Buffer.from('504b0506000000000000ffff0000000000000000000000', 'hex'), // a ZIP64 end record with no ZIP64 record before it
      sheet.subarray(0, sheet.length - 30),
      zipFile(workbookParts(sheetXml(['x']), { flags: 1 })), // encrypted
      zipFile([{ name: 'a.xml', data: 'abc', store: true, claim: 99 }]), // stored, sizes disagree
    ];
    for (const b of notZips) expect(await guardZip(b, 'x.xlsx')).toBeUndefined();
  });

  it('never throws anything but its own 413 on any bytes, mangled zips included', async () => {
    const sheet = await xlsxFile([['a', 'b']]);
    const mangled = fc.array(fc.tuple(fc.nat(sheet.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
      const b = Buffer.from(sheet);
      for (const [at, v] of edits) b[at] = v;
      return b;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mangled, fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a))), async (b) => {
        const outcome = await guardZip(b, 'x.xlsx').then(
          () => 'ok',
          (e: unknown) => (e instanceof AppError && e.status === 413 ? 'refused' : e),
        );
        expect(['ok', 'refused']).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });
});
