import { z } from 'zod';

/** An evidence file is named by the SHA-256 of its bytes (lower-case hex). */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const EvidenceParams = z.strictObject({ sha256: Sha256 });

/** Evidence files above this size are refused (413). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted file types, by extension: images, PDF and Office documents. Anything else is refused (415). */
export const EVIDENCE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;
export type EvidenceExtension = keyof typeof EVIDENCE_TYPES;

/** The `accept` attribute of an upload field. */
export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** A file name as shown to people (no path); the server strips control and bidi characters from it (domain/fileName.ts). */
export const FileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/);

/** What an upload answers, and how a report lists its evidence. */
export const Evidence = z.object({ sha256: Sha256, size: z.number(), mime: z.string(), name: z.string() });
export type Evidence = z.infer<typeof Evidence>;
export const EvidenceResponse = z.object({ data: Evidence });

/** A report refers to evidence by its SHA-256, optionally with the name to show. */
export const EvidenceRef = z.union([Sha256, z.strictObject({ sha256: Sha256, name: FileName })]);
export type EvidenceRef = z.infer<typeof EvidenceRef>;
