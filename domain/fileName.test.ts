import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, safeFileName, stripUnsafeChars } from './fileName.js';

/** Every character the names must lose: C0, DEL, C1, bidi controls, line/paragraph separators. */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029,
].map((c) => String.fromCharCode(c));

describe('file names as people see them', () => {
  it('drops the right-to-left override that makes an .exe read as a .pdf', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('\u2067报告\u2069\u200F.pdf')).toBe('报告.pdf');
  });

  it('drops every control and bidi character, one by one', () => {
    for (const c of UNSAFE) expect(safeFileName(`a${c}b.pdf`), `U+${c.charCodeAt(0).toString(16)}`).toBe('ab.pdf');
  });

  it('keeps Chinese, spaces inside, and ordinary punctuation', () => {
    expect(safeFileName('  2026年 第一季度（验收）-v2.docx ')).toBe('2026年 第一季度（验收）-v2.docx');
  });

  it('keeps no folders, and names an empty name "file"', () => {
    expect(safeFileName('C:\\Users\\x\\photo.png')).toBe('photo.png');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('\u202E\u0000 ')).toBe('file');
  });

  it('cuts a long name before its extension', () => {
    const long = safeFileName(`${'长'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(FILE_NAME_MAX);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('never lets an unsafe character through, whatever the name', () => {
    const withUnsafe = fc.array(fc.oneof(fc.string(), fc.constantFrom(...UNSAFE)), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(withUnsafe, (name) => {
        const safe = safeFileName(name);
        expect(UNSAFE.some((c) => safe.includes(c))).toBe(false);
        expect(stripUnsafeChars(safe)).toBe(safe);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(FILE_NAME_MAX);
        expect(safe).not.toMatch(/[\\/]/);
      }),
    );
  });
});

describe('a file name with lone surrogates', () => {
  it('loses them, keeping the pairs that make real characters', () => {
    expect(safeFileName('照片\ud800\udc00x\ud800.jpg')).toBe('照片\ud800\udc00x.jpg');
    expect(safeFileName('\udc00.pdf')).toBe('.pdf');
  });
});
