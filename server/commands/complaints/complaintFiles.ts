import { attachmentName, COMPLAINT_FILE_MAX_BYTES, COMPLAINT_MAX_FILES, complaintFileType, type ComplaintFileType } from '../../../domain/complaints.js';
import type { Lang } from '../../../domain/enums.js';
import type { Tx } from '../../db/client.js';
import { complaintFiles } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { message, type MessageCode } from '../../i18n.js';
import type { Upload } from '../../uploads.js';
import { evidenceSha256, storeEvidence } from '../reporting/storeEvidence.js';

/** A complaint's file once its bytes are known to be one it may carry. */
export interface CheckedFile {
  name: string;
  bytes: Buffer;
  mime: ComplaintFileType;
  sha256: string;
}

/** A refusal of the attachments, naming the field (`files`, 附件) as the form labels it. */
function refusal(status: number, code: MessageCode, params: Record<string, string | number>, lang: Lang): AppError {
  return new AppError(status, code, params, { files: message(code, lang, params) });
}

/** 413: one file over the limit, by name. */
export const fileTooLarge = (name: string, lang: Lang) => refusal(413, 'complaint_file_too_large', { file: name, mb: COMPLAINT_FILE_MAX_BYTES / 1024 / 1024 }, lang);
/** 400: more files than a complaint may carry. */
export const tooManyFiles = (lang: Lang) => refusal(400, 'complaint_too_many_files', { max: COMPLAINT_MAX_FILES }, lang);

/**
 * Each file's type by its bytes (415 naming the first that is no photo or PDF, whatever it is
 * called or claims to be), its SHA-256 and the name it is kept under. The same bytes twice are
 * kept once, under the first name.
 */
export function checkComplaintFiles(files: readonly Upload[], lang: Lang): CheckedFile[] {
  if (files.length > COMPLAINT_MAX_FILES) throw tooManyFiles(lang);
  const checked: CheckedFile[] = [];
  for (const f of files) {
    const mime = complaintFileType(f.bytes);
    if (!mime) throw refusal(415, 'complaint_file_type', { file: f.name }, lang);
    if (f.bytes.length > COMPLAINT_FILE_MAX_BYTES) throw fileTooLarge(f.name, lang);
    const sha256 = evidenceSha256(f.bytes);
    if (!checked.some((c) => c.sha256 === sha256)) checked.push({ name: attachmentName(f.name, mime), bytes: f.bytes, mime, sha256 });
  }
  return checked;
}

/** Stores the files in the evidence store and links them to the complaint, in the complaint's transaction. */
export async function attachComplaintFiles(tx: Tx, complaintId: string, files: readonly CheckedFile[]): Promise<void> {
  for (const f of files) await storeEvidence(tx, f, null);
  if (files.length) await tx.insert(complaintFiles).values(files.map((f, position) => ({ complaintId, sha256: f.sha256, name: f.name, position })));
}
