import { safeFileName } from '../../../domain/fileName.js';
import { ARTICLE_IMAGE_PATH } from '../../../domain/articles.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { evidenceUploads } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { evidenceMime } from '../reporting/evidenceType.js';
import { evidenceSha256, storeEvidence } from '../reporting/storeEvidence.js';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * An image for an article, into the evidence store (content-addressed), recorded as this user's
 * upload: what a later save may show. Evidence's own rule decides the type (the first bytes, and a
 * name that says the same: domain/fileMagic.ts), and only a raster image passes: a PDF or a script
 * named .png, a PNG named .exe, is 415.
 */
export async function uploadArticleImage(ctx: Ctx, fileName: string, bytes: Buffer) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const name = safeFileName(fileName);
  const mime = await evidenceMime(name, bytes);
  if (!mime || !IMAGE_TYPES.has(mime)) throw new AppError(415, 'article_image_type', {}, { file: 'article_image_type' });
  const sha256 = evidenceSha256(bytes);
  return inTx(ctx, async (tx) => {
    await storeEvidence(tx, { sha256, bytes, mime }, actor.userId);
    const now = clockNow();
    await tx
      .insert(evidenceUploads)
      .values({ sha256, userId: actor.userId, name, uploadedAt: now })
      .onConflictDoUpdate({ target: [evidenceUploads.sha256, evidenceUploads.userId], set: { name, uploadedAt: now } });
    await recordAudit(tx, ctx, 'article.image_uploaded', { entity: 'evidence', entityId: sha256, after: { name, mime, size: bytes.length } });
    return { sha256, src: `${ARTICLE_IMAGE_PATH}${sha256}`, size: bytes.length, mime };
  });
}
