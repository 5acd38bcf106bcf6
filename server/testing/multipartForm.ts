import { randomBytes } from 'node:crypto';

/** A file part: its name as the header's raw bytes (a string is sent as UTF-8), its claimed type and its bytes. */
export interface FormFile {
  filename: string | Buffer;
  contentType?: string;
  bytes: Buffer;
}

/**
 * A multipart/form-data body of text fields and files, serialised by hand as a browser sends it,
 * so that a test controls every byte (a file name's control characters, a lying content type).
 */
export function multipartForm(fields: Record<string, string>, files: readonly FormFile[], fileField = 'files') {
  const boundary = `----tuijin${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="`), Buffer.from(f.filename), Buffer.from(`"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
