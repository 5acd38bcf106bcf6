import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!,
  );
}

/** The text of one paragraph's runs. `<w:t` must be followed by a space or `>`: w:tbl, w:tc and w:tr are not text. */
function runText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)) out += m[1] === undefined ? '\t' : decode(m[1]);
  return out;
}

// The self-closed form is tried first (here and below): tried second, an empty paragraph would swallow the next one.
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => runText(m[0]));

/**
 * The visible text of a .docx, one line per body paragraph and one per table row (cells joined by
 * " | "), so that tests can assert on what a reader sees. Nested tables are not supported.
 */
export async function docxText(buf: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('not a .docx: no word/document.xml');
  const lines: string[] = [];
  for (const m of xml.matchAll(/<w:tbl\b[\s\S]*?<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g)) {
    if (!m[0].startsWith('<w:tbl')) lines.push(runText(m[0]));
    else for (const row of m[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)) {
      lines.push([...row[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join(' ')).join(' | '));
    }
  }
  return lines.join('\n');
}

/** The names of the files in the .docx zip (directories left out). */
export async function docxParts(buf: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}
