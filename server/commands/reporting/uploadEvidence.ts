import { safeFileName } from '../../../domain/fileName.js';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { evidence, evidenceUploads } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { evidenceMime } from './evidenceType.js';
import { evidenceSha256, storeEvidence } from './storeEvidence.js';

/**
 * Stores an evidence file once by its SHA-256 (the same bytes again add no second copy) and records
 * that this user uploaded it under this name; 415 when the type is not accepted or the content does
 * not match the extension, 413 when an Office file would unpack too far. One audit record per upload.
 */
export async function uploadEvidence(ctx: Ctx, fileName: string, bytes: Buffer) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const name = safeFileName(fileName);
  const mime = await evidenceMime(name, bytes);
  if (!mime) throw new AppError(415, 'evidence_type');
  const sha256 = evidenceSha256(bytes);
  return inTx(ctx, async (tx) => {
    await storeEvidence(tx, { sha256, bytes, mime }, actor.userId);
    const now = new Date();
    await tx
      .insert(evidenceUploads)
      .values({ sha256, userId: actor.userId, name, uploadedAt: now })
      .onConflictDoUpdate({ target: [evidenceUploads.sha256, evidenceUploads.userId], set: { name, uploadedAt: now } });
    const [stored] = await tx.select({ size: evidence.size, mime: evidence.mime }).from(evidence).where(eq(evidence.sha256, sha256));
    const file = { sha256, size: stored!.size, mime: stored!.mime, name };
    await recordAudit(tx, ctx, 'evidence.uploaded', { entity: 'evidence', entityId: sha256, after: file });
    return file;
  });
}
