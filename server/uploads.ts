import type { FastifyRequest } from 'fastify';
import { safeFileName } from '../domain/fileName.js';
import { AppError } from './errors.js';
import { claimForm } from './idempotency/idempotencyKeys.js';
import { fieldName } from './i18n.js';
import { issueMessage } from './validationMessages.js';

export interface Upload {
  /** As the client sent it, without folders, control or bidi characters (domain/fileName.ts). */
  name: string;
  bytes: Buffer;
}

/**
 * The one file of a multipart request, in field `file`. A request that is not multipart is 415;
 * a missing file 400 naming the field; a file over `maxBytes` 413 (`tooLarge`). The parser's own
 * errors (no boundary, a truncated body) carry no status: they are the upload's fault, so 400.
 */
export async function readUpload(req: FastifyRequest, opts: { maxBytes?: number; tooLarge?: () => AppError; notMultipart?: () => AppError } = {}): Promise<Upload> {
  if (!req.isMultipart()) throw opts.notMultipart?.() ?? new AppError(415, 'unsupported_media');
  let upload: Upload;
  try {
    const file = await req.file(opts.maxBytes ? { limits: { fileSize: opts.maxBytes } } : undefined);
    if (!file || file.fieldname !== 'file') {
      const required = issueMessage({ code: 'invalid_type' }, req.ctx.lang, undefined);
      throw new AppError(400, 'validation', { detail: `file ${required}` }, { file: required });
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw opts.tooLarge?.() ?? new AppError(413, 'payload_too_large');
    upload = { name: safeFileName(file.filename), bytes };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' && opts.tooLarge) throw opts.tooLarge();
    if (e instanceof AppError || typeof (e as { statusCode?: unknown }).statusCode === 'number') throw e;
    throw new AppError(400, 'bad_request');
  }
  await claimForm(req, { fields: {}, files: [{ field: 'file', ...upload }] });
  return upload;
}

/** A multipart form: its text fields by name (each once) and its files, in the order sent. */
export interface UploadForm {
  fields: Record<string, unknown>;
  files: Upload[];
}

interface FormLimits {
  /** The field files come in; a file in any other field is refused (400 naming it). */
  fileField: string;
  maxFiles: number;
  maxBytes: number;
  /** Text fields at most, each at most `maxFieldBytes`. */
  maxFields: number;
  maxFieldBytes: number;
  /** The refusal of one file over `maxBytes`, named by its (cleaned) name. */
  tooLarge: (name: string) => AppError;
  /** The refusal of a form with more than `maxFiles` files. */
  tooMany: () => AppError;
}

const fieldRefusal = (req: FastifyRequest, field: string, issue: Parameters<typeof issueMessage>[0]) => {
  const text = issueMessage(issue, req.ctx.lang, '');
  return new AppError(400, 'validation', { detail: `${fieldName(field, req.ctx.lang)} ${text}` }, { [field]: text });
};

/**
 * Reads a multipart form with text fields and up to `maxFiles` files, each held in memory only up
 * to `maxBytes`: the parser stops a file at the limit (413 naming it) and a form at one file too
 * many (`tooMany`), so nothing larger than the limits is ever buffered. A field sent twice, or cut
 * at `maxFieldBytes`, is 400 naming it; the parser's own errors (a truncated body) are 400.
 * Fields are returned as plain own properties (`__proto__` included), for the caller's schema.
 */
export async function readForm(req: FastifyRequest, o: FormLimits): Promise<UploadForm> {
  const fields: [string, unknown][] = [];
  const files: Upload[] = [];
  let current = '';
  try {
    const parts = req.parts({ limits: { files: o.maxFiles, fileSize: o.maxBytes, fields: o.maxFields, fieldSize: o.maxFieldBytes, parts: o.maxFiles + o.maxFields } });
    for await (const part of parts) {
      if (part.type === 'file') {
        current = safeFileName(part.filename);
        if (part.fieldname !== o.fileField) {
          await part.toBuffer().catch(() => undefined);
          throw fieldRefusal(req, part.fieldname, { code: 'unrecognized_keys' });
        }
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw o.tooLarge(current);
        files.push({ name: current, bytes });
      } else {
        if (part.valueTruncated) throw fieldRefusal(req, part.fieldname, { code: 'too_big', origin: 'string', maximum: o.maxFieldBytes });
        if (fields.some(([k]) => k === part.fieldname)) throw fieldRefusal(req, part.fieldname, { code: 'duplicate' });
        fields.push([part.fieldname, part.value]);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw o.tooLarge(current);
    if (code === 'FST_FILES_LIMIT') throw o.tooMany();
    if (e instanceof AppError) throw e;
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError(413, 'payload_too_large');
    throw new AppError(400, 'bad_request');
  }
  // fromEntries defines each key as an own property: a field called `__proto__` stays a field (and the schema refuses it).
  const form = { fields: Object.fromEntries(fields), files };
  await claimForm(req, { fields: form.fields, files: files.map((f) => ({ field: o.fileField, ...f })) });
  return form;
}
