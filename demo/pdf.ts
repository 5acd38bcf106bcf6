// A minimal but valid one-page PDF made in memory: catalogue, page, content stream, a CJK font, the
// cross-reference table with exact byte offsets and the trailer. Chinese text uses the standard
// Adobe font STSong-Light with the UniGB-UCS2-H encoding, which PDF readers supply themselves, so
// nothing is embedded and a page stays around 2 KB.

/** Drawing on an A4 page (595 × 842 points, origin bottom left). */
export interface PdfPage {
  /** A line of text at (x, y) in the given size. */
  text(x: number, y: number, size: number, s: string): void;
  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, width?: number): void;
  /** A filled rectangle in grey (0 black … 1 white). */
  fill(x: number, y: number, w: number, h: number, grey: number): void;
}

/** UTF-16BE hex of a string (Basic Multilingual Plane only), as UniGB-UCS2-H reads it. */
const ucs2 = (s: string) => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
const num = (n: number) => String(Math.round(n * 100) / 100);

/** A one-page PDF titled `title`, drawn by `draw`. */
export function onePagePdf(title: string, draw: (page: PdfPage) => void): Buffer {
  const ops: string[] = [];
  draw({
    text: (x, y, size, s) => ops.push(`BT /F1 ${num(size)} Tf ${num(x)} ${num(y)} Td <${ucs2(s)}> Tj ET`),
    line: (x1, y1, x2, y2, width = 0.6) => ops.push(`${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`),
    fill: (x, y, w, h, grey) => ops.push(`${num(grey)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f 0 g`),
  });
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <FEFF${ucs2(title)}> /Producer (Tuijin demo) >>`,
  ];
  // Every byte below is ASCII, so string lengths are byte offsets.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
