import { columnLetters } from '../../domain/imports/itemRows.js';

/** A cell's value: text, a number, or nothing (no cell written). */
export type Cell = string | number | null;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// XML 1.0 forbids these controls in any form; exceljs dropped them too (and DEL, which Excel rejects).
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g;
const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for an XML text node or attribute. */
export const xmlText = (s: string) => s.replace(FORBIDDEN, '').replace(SPECIAL, (c) => ENTITY[c]!);

/** Style ids in styles.xml's cellXfs. */
export const STYLE = { plain: 0, title: 1, header: 2 } as const;

/** Text kept as typed, leading and trailing spaces and line breaks included, which Excel trims otherwise. */
const PRESERVE = /^\s|\s$|\n/;

/**
 * One row of the sheet. Strings are written inline (no shared-string table to hold for the whole
 * sheet), numbers as numbers; empty cells are left out, as Excel leaves them.
 */
export function rowXml(r: number, cells: readonly Cell[], letters: readonly string[], style: number = STYLE.plain): string {
  const s = style ? ` s="${style}"` : '';
  let xml = `<row r="${r}"${style ? `${s} customFormat="1"` : ''}>`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = `${letters[i] ?? columnLetters(i + 1)}${r}`;
    if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"${s}><v>${v}</v></c>`;
    else {
      const text = String(v);
      xml += `<c r="${ref}"${s} t="inlineStr"><is><t${PRESERVE.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

export interface SheetLayout {
  /** Column widths in characters. */
  widths: readonly number[];
  /** Rows frozen at the top (title, filters, header). */
  frozenRows: number;
  /** Ranges merged, e.g. "A1:Q1". */
  merges: readonly string[];
}

/** The worksheet up to its first row: page set-up flag, frozen panes, column widths. */
export function sheetHead(layout: SheetLayout): string {
  const cols = layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const top = `A${layout.frozenRows + 1}`;
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/**
 * The worksheet after its last row: merges, then A4 landscape, one page wide, as the lists are
 * printed and filed (the header repeated on every page is the workbook's Print_Titles).
 */
export function sheetTail(layout: SheetLayout): string {
  const merges = layout.merges.length ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    `</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

/** The workbook's other parts for its sheets (xl/worksheets/sheetN.xml, in order): content types, relationships, workbook, styles, properties. */
export function workbookParts(book: { title: string; sheets: readonly { name: string; printTitleRow: number }[] }, created: Date): { name: string; xml: string }[] {
  const names = book.sheets.map((s) => xmlText(s.name));
  const n = names.map((_, i) => i + 1);
  const iso = `${created.toISOString().slice(0, 19)}Z`;
  return [
    {
      name: '[Content_Types].xml',
      xml:
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      xml:
        `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    },
    {
      name: 'docProps/core.xml',
      xml:
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${xmlText(book.title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
    },
    {
      name: 'xl/workbook.xml',
      xml:
        `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets><definedNames>' +
        book.sheets
          .map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${names[i]!.replace(/'/g, "''")}'!$${s.printTitleRow}:$${s.printTitleRow}</definedName>`)
          .join('') +
        '</definedNames></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      xml:
        `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        n.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
        `<Relationship Id="rId${n.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      // STYLE's order: plain; the title (bold 16, centred over its merged row); the header (bold).
      xml:
        `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
        '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    },
  ];
}
