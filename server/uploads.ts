import type { FastifyRequest } from 'fastify';
import { safeFileName } from '../domain/fileName.js';
import { AppError } from './errors.js';
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
  try {
    const file = await req.file(opts.maxBytes ? { limits: { fileSize: opts.maxBytes } } : undefined);
    if (!file || file.fieldname !== 'file') {
      const required = issueMessage({ code: 'invalid_type' }, req.ctx.lang, undefined);
      throw new AppError(400, 'validation', { detail: `file ${required}` }, { file: required });
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw opts.tooLarge?.() ?? new AppError(413, 'payload_too_large');
    return { name: safeFileName(file.filename), bytes };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' && opts.tooLarge) throw opts.tooLarge();
    if (e instanceof AppError || typeof (e as { statusCode?: unknown }).statusCode === 'number') throw e;
    throw new AppError(400, 'bad_request');
  }
}
