import zlib from 'node:zlib';

/** One entry of a hand-built zip. */
export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The unpacked size the directory claims, when it is to lie. */
  claim?: number;
  /** Sizes written as ZIP64 (0xFFFFFFFF and the real ones in extra field 0x0001). */
  zip64?: boolean;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A zip built byte by byte, so that tests can make the archives no honest tool writes: bombs and liars. */
export function zipFile(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.from(p.data);
    const name = Buffer.from(p.name);
    const packed = p.store ? data : zlib.deflateRawSync(data);
    const size = p.claim ?? data.length;
    const extra = p.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (p.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
    }
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(45, at); // version needed
      b.writeUInt16LE(0x0800 | (p.flags ?? 0), at + 2); // UTF-8 names
      b.writeUInt16LE(p.store ? 0 : 8, at + 4);
      b.writeUInt32LE(0x5c210000, at + 6); // 2026-01-01 00:00
      b.writeUInt32LE(zlib.crc32(data), at + 10);
      b.writeUInt32LE(p.zip64 ? 0xffffffff : packed.length, at + 14);
      b.writeUInt32LE(p.zip64 ? 0xffffffff : size, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(extra.length, at + 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4); // made by
    common(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, packed);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around the given sheet XML, as Excel lays them out. */
export function workbookParts(sheet: Buffer | string, sheetPart: Partial<ZipPart> = {}): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML}<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="用户" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...sheetPart },
  ];
}

/** A sheet XML with one row of inline strings. */
export const sheetXml = (cells: string[]) =>
  `${XML}<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row></sheetData></worksheet>`;

/**
 * A zip bomb that is a real .xlsx: a valid workbook whose sheet XML is `mb` MB, nearly all of it
 * one byte repeated, so it deflates about a thousand times over. `claim` makes the directory lie.
 */
export function xlsxBomb(mb: number, claim?: number): Buffer {
  const head = Buffer.from(`${XML}<worksheet xmlns="${SHEET_NS}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const sheet = Buffer.alloc(mb * 1024 * 1024, 0x20);
  head.copy(sheet, 0);
  tail.copy(sheet, sheet.length - tail.length);
  return zipFile(workbookParts(sheet, claim === undefined ? {} : { claim }));
}
