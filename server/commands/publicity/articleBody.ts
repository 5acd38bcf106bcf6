import { eq } from 'drizzle-orm';
import { IMAGE_SRC } from '../../../domain/articles.js';
import type { Tx } from '../../db/client.js';
import { articleImages } from '../../db/schema/index.js';
import { keepableImages } from '../../queries/publicity/articles.js';
import { imagesOf, sanitizeHtml } from '../../publicity/sanitizeHtml.js';

/**
 * The body as it is kept: sanitised to the allow-list, with only the images the writer uploaded
 * (or the article already showed); unknown ones are left out like any other foreign source.
 */
export async function cleanBody(tx: Tx, userId: string, articleId: string | null, html: string): Promise<string> {
  const wanted = [...html.matchAll(/\/api\/(?:articles|public)\/images\/([0-9a-f]{64})/g)].map((m) => m[1]!).filter((s) => IMAGE_SRC.test(`/api/articles/images/${s}`));
  const keep = await keepableImages(tx, userId, articleId, [...new Set(wanted)]);
  return sanitizeHtml(html, { keepImage: (sha) => keep.has(sha) });
}

/** The article's images are those its kept body shows: the portal serves an image only through them. */
export async function syncImages(tx: Tx, articleId: string, html: string): Promise<void> {
  await tx.delete(articleImages).where(eq(articleImages.articleId, articleId));
  const shas = imagesOf(html);
  if (shas.length) await tx.insert(articleImages).values(shas.map((sha256) => ({ articleId, sha256 })));
}
