import { EVIDENCE_TYPES, type EvidenceExtension } from '../../../domain/schemas/evidence.js';
import { sniffType, startsWith } from '../../../domain/fileMagic.js';
import { guardZip } from '../../zipGuard.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: the legacy .doc and .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The part folder of each Office Open XML package, beside its [Content_Types].xml. */
const OOXML: Partial<Record<EvidenceExtension, string>> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };

/** Whether the bytes really are what the extension says: the magic bytes of each other accepted type. */
const MATCHES: Record<Exclude<EvidenceExtension, 'docx' | 'xlsx' | 'pptx'>, (b: Buffer) => boolean> = {
  png: (b) => sniffType(b) === 'image/png',
  jpg: (b) => sniffType(b) === 'image/jpeg',
  jpeg: (b) => sniffType(b) === 'image/jpeg',
  webp: (b) => sniffType(b) === 'image/webp',
  pdf: (b) => sniffType(b) === 'application/pdf',
  doc: (b) => startsWith(b, OLE),
  xls: (b) => startsWith(b, OLE),
};

/**
 * The MIME type of an evidence file, checked by extension AND content; undefined when the
 * extension is not accepted or the bytes are something else (a renamed executable, a zip called
 * .docx). An Office file is a zip: it passes the zip guard (413 naming the file when it would
 * unpack too far) and its directory must list the package's parts.
 */
export async function evidenceMime(fileName: string, bytes: Buffer): Promise<string | undefined> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(ext in EVIDENCE_TYPES)) return undefined;
  const e = ext as EvidenceExtension;
  const folder = OOXML[e];
  if (folder) {
    const names = startsWith(bytes, ZIP) ? await guardZip(bytes, fileName) : undefined;
    return names?.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder)) ? EVIDENCE_TYPES[e] : undefined;
  }
  return MATCHES[e as keyof typeof MATCHES](bytes) ? EVIDENCE_TYPES[e] : undefined;
}
