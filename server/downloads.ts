import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { safeFileName } from '../domain/fileName.js';
import { NO_JOB, type Job } from './progress/tracker.js';

/**
 * Raster images the browser only ever draws: the one kind of upload shown inline (the report's
 * thumbnails). Anything else — a PDF with /JavaScript, an Office file, whatever a MIME type claims —
 * is saved, never opened in our origin.
 */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Headers for sending a file people uploaded: its own type, never sniffed; attachment unless a
 * raster image; and a sandboxing CSP, so that even a file the browser does open runs no script,
 * loads nothing and reads no cookie of ours. The name is stripped of controls and bidi characters
 * again here, for rows stored before names were cleaned.
 */
export function sendUploadedFile(reply: FastifyReply, file: { mime: string; name: string; content: Buffer }) {
  const name = safeFileName(file.name);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = INLINE_TYPES.has(file.mime) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mime)
    .header('content-length', file.content.length)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(file.content);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A document the server generated (.docx), as an attachment named `name` (ASCII `ascii` for old clients). */
export function sendDocx(reply: FastifyReply, file: Buffer, ascii: string, name: string) {
  name = safeFileName(name);
  return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(file);
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook the server generated (a buffer, or a stream still being written), as an attachment
 * named `name`. A stream that breaks off fails its job (the export's progress) with its error;
 * otherwise the job ends with the answer (progress/jobOf.ts).
 */
export function sendXlsx(reply: FastifyReply, file: Buffer | Readable, ascii: string, name: string, job: Job = NO_JOB) {
  name = safeFileName(name);
  if (!Buffer.isBuffer(file)) file.once('error', (e) => void job.fail(e));
  return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(file);
}
