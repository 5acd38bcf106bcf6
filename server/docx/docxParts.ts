import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  sectionPageSizeDefaults,
} from 'docx';
import type { SnapshotItem } from '../../domain/meetings.js';

export { chineseDate, chineseNumeral } from '../../domain/text.js';

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant → 2026年12月7日 10:30, in Shanghai time whatever the server's zone. */
export function chineseDateTime(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const p = Object.fromEntries(SHANGHAI.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}

export { LIGHT_LABELS } from '../../domain/lightText.js';
export const ITEM_TYPE_LABELS: Record<SnapshotItem['itemType'], string> = { task: '任务', target: '指标', project: '项目' };

/** 、 between names, as Chinese lists are written. */
export const joinNames = (names: readonly string[]) => names.filter((n) => n.trim()).join('、');

// Word falls back to a Latin font for CJK text unless eastAsia is named; 宋体 for body and 黑体 for
// headings is what official documents are set in and what every Chinese Windows install has.
const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const heading = (size: number) => ({
  run: { font: HEADING_FONT, size, bold: false, color: '000000' },
  paragraph: { spacing: { before: 240, after: 120 } },
});

/** The document's title line, centred. */
export const titleLine = (text: string) => new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(text)] });

/** A centred line under the title (subtitle, 草稿 mark). */
export const centredLine = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });

/** A section heading (会议议程, 审议情况 …). */
export const sectionHeading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });

/** A body paragraph; `indent` gives the two-character first-line indent of running text. */
export const bodyLine = (text: string, indent = false) =>
  new Paragraph({ indent: indent ? { firstLine: 480 } : undefined, children: [new TextRun(text)] });

/** A full-width table with a bold header row that repeats on each page. */
export function gridTable(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/** Packs the blocks into an A4 .docx with the CJK fonts above. */
export async function packDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Tuijin',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 44, color: '000000' }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(32),
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 with the margins Word's Chinese template uses, so the pages print as people expect.
            size: { width: sectionPageSizeDefaults.WIDTH, height: sectionPageSizeDefaults.HEIGHT },
            margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
