import { AlignmentType, BorderStyle, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import type { BulletinSection } from '../../domain/bulletin.js';
import { chineseDate, chineseNumeral } from '../../domain/text.js';

/**
 * The GB/T 9704-2012 layout of 党政机关公文 (official documents): A4; margins top 37 mm, left 28 mm,
 * so the text block is 156 × 225 mm (right 26 mm, bottom 35 mm); 22 lines of 28 characters of
 * 3号 仿宋 body text; a 2号 小标宋 title; headings 一、 in 黑体 and （一） in 楷体; page numbers
 * "— 1 —" in 4号 宋体 under the text block, odd pages on the right, even on the left; the issuing
 * body, document number and date; the 抄送/印发 block (版记) at the end. Used by 督查通报 and
 * by 催办单/督办单.
 *
 * Fonts: the names the standard gives (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are set as the runs'
 * East Asian fonts; the document's font table gives each its fallback (w:altName 宋体, 仿宋, 楷体),
 * which Word uses where the font is not installed (as on most PCs outside government offices).
 */

const MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * MM);

export const PAGE = { width: mm(210), height: mm(297) } as const;
export const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) } as const;
/** Body text: 3号 = 16 pt (half-points in .docx). */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const PAGE_NUMBER_SIZE = 28;
const VERSION_NOTE_SIZE = 28;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 225 mm over 22 lines, in twips. */
export const LINE_PITCH = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom) / LINES_PER_PAGE);
/**
 * w:charSpace: what each character's pitch adds to the font's size, in 1/4096 pt, so that 28
 * characters of 16 pt fill the 156 mm line exactly (about −0.2 pt each).
 */
export const CHAR_SPACE = Math.round(((PAGE.width - MARGIN.left - MARGIN.right) / CHARS_PER_LINE / 20 - BODY_SIZE / 2) * 4096);
/** Two characters of body text: the first-line indent of running text and the 右空四字 of the signature's half. */
const CHAR = BODY_SIZE * 10;

const font = (eastAsia: string, latin = 'Times New Roman') => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
export const FONTS = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  heading: font('黑体'),
  subheading: font('楷体_GB2312'),
  pageNumber: font('宋体'),
} as const;
/** The font table's fallbacks (w:altName) for the fonts a PC outside an office may lack. */
const FALLBACKS: [string, string][] = [
  ['方正小标宋简体', '宋体'],
  ['仿宋_GB2312', '仿宋'],
  ['楷体_GB2312', '楷体'],
  ['黑体', 'SimHei'],
  ['宋体', 'SimSun'],
];
const RED = 'D40000';

export interface OfficialDocument {
  /** 发文机关标志, printed red above the red line (the issuing body's name). */
  issuer: string;
  /** 发文字号: 督通〔2026〕3号. */
  docNumber: string;
  title: string;
  /** A line under the title: the notice's colour and kind, or 草稿 on a draft's preview. */
  mark?: { text: string; colour?: string } | undefined;
  /** 主送机关: 各有关单位 (the colon is added). */
  addressee: string;
  /** Paragraphs before the numbered sections. */
  preamble?: string[];
  sections: BulletinSection[];
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 抄送 (empty: no line); 印发机关 and 印发日期 of the 印发 line. */
  cc: string;
  printer: string;
}

const run = (text: string, o: { font?: (typeof FONTS)[keyof typeof FONTS]; size?: number; colour?: string } = {}) =>
  new TextRun({ text, font: o.font ?? FONTS.body, size: o.size ?? BODY_SIZE, ...(o.colour ? { color: o.colour } : {}) });

const body = (text: string, indent = true) => new Paragraph({ indent: indent ? { firstLine: CHAR * 2 } : undefined, children: [run(text)] });
const blank = () => new Paragraph({ children: [] });

/** 版头: the issuer in red, the document number, the red line under them. */
function head(d: OfficialDocument): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.issuer, { font: FONTS.title, size: 52, colour: RED })] }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [run(d.docNumber)],
    }),
    blank(),
  ];
}

function sectionBlocks(sections: readonly BulletinSection[]): Paragraph[] {
  const out: Paragraph[] = [];
  sections.forEach((s, i) => {
    out.push(new Paragraph({ indent: { firstLine: CHAR * 2 }, children: [run(`${chineseNumeral(i + 1)}、${s.heading}`, { font: FONTS.heading })] }));
    for (const p of s.paragraphs) if (p.trim()) out.push(body(p.trim()));
    s.subsections.forEach((x, j) => {
      out.push(new Paragraph({ indent: { firstLine: CHAR * 2 }, children: [run(`（${chineseNumeral(j + 1)}）${x.heading}`, { font: FONTS.subheading })] }));
      for (const p of x.paragraphs) if (p.trim()) out.push(body(p.trim()));
    });
  });
  return out;
}

/** The signature: issuer and date, right-aligned with four characters to spare (右空四字). */
function signature(d: OfficialDocument): Paragraph[] {
  const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: CHAR * 4 }, children: [run(text)] });
  return [blank(), right(d.issuer), right(chineseDate(d.date))];
}

/** 版记: 抄送 and the 印发 line between rules, in 4号, at the end. */
function versionNote(d: OfficialDocument): Paragraph[] {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const small = (text: string) => run(text, { size: VERSION_NOTE_SIZE });
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const out: Paragraph[] = [blank()];
  if (d.cc.trim())
    out.push(new Paragraph({ indent: { left: VERSION_NOTE_SIZE * 10, right: VERSION_NOTE_SIZE * 10 }, border: { top: line }, children: [small(`抄送：${d.cc.trim().replace(/[。.]$/, '')}。`)] }));
  out.push(
    new Paragraph({
      indent: { left: VERSION_NOTE_SIZE * 10, right: VERSION_NOTE_SIZE * 10 },
      border: { top: line, bottom: line },
      tabStops: [{ type: TabStopType.RIGHT, position: width - VERSION_NOTE_SIZE * 20 }],
      children: [small(d.printer.trim() || d.issuer), new TextRun({ text: '\t', size: VERSION_NOTE_SIZE }), small(`${chineseDate(d.date)}印发`)],
    }),
  );
  return out;
}

/** "— 1 —" in 4号 宋体: odd pages on the right, even pages on the left, a character in from the edge. */
function pageNumber(alignment: 'right' | 'left'): Footer {
  const size = PAGE_NUMBER_SIZE;
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: size * 10 } : { left: size * 10 },
        children: [new TextRun({ font: FONTS.pageNumber, size, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function fontTable(): string {
  const fonts = FALLBACKS.map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** The document as a .docx in the GB/T 9704 layout. */
export async function officialDocx(d: OfficialDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    ...head(d),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.title, { font: FONTS.title, size: TITLE_SIZE })] }),
    ...(d.mark ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.mark.text, { font: FONTS.heading, colour: d.mark.colour })] })] : []),
    blank(),
    body(`${d.addressee}：`, false),
    ...(d.preamble ?? []).filter((p) => p.trim()).map((p) => body(p.trim())),
    ...sectionBlocks(d.sections),
    ...signature(d),
    ...versionNote(d),
  ];
  const doc = new Document({
    title: d.title,
    creator: 'Tuijin',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONTS.body, size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            // The page number's lower edge 7 mm below the text block: 35 − 7 = 28 mm above the page's edge.
            margin: { ...MARGIN, header: mm(15), footer: mm(28) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
