import { shanghaiDate } from '../../domain/calendar/days.js';
import type { ArticleRow } from '../models/publicity.js';
import { htmlSections } from '../publicity/htmlSections.js';
import { sanitizeHtml } from '../publicity/sanitizeHtml.js';
import { officialDocx } from './officialDocument.js';

/**
 * A 简报 (or any article) as a .docx in the GB/T 9704 layout of the bulletins: the issuing office in
 * red, the issue number, the title, the body's sections (一、…) from its <h2> headings. The body is
 * sanitised again and only its text goes in: no markup of the article reaches the document.
 */
/** Who issues a 简报: the district's 推进办. */
export const issuerOf = (district: string | null | undefined) => `${district ?? ''}推进办`;

export function briefingDocx(a: ArticleRow, issuer: string, now: Date): Promise<Buffer> {
  const { preamble, sections } = htmlSections(sanitizeHtml(a.html));
  const draft = a.status !== 'published';
  return officialDocx({
    issuer,
    docNumber: a.issueNumber ?? '',
    title: a.title,
    mark: draft ? { text: '（草稿，未发布）' } : undefined,
    addressee: '各有关单位',
    preamble,
    sections,
    date: shanghaiDate(a.publishedAt ?? now),
    cc: '',
    printer: issuer,
  });
}
