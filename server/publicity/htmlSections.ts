import { Parser } from 'htmlparser2';
import type { BulletinSection } from '../../domain/bulletin.js';

const BLOCKS = new Set(['p', 'li', 'blockquote', 'figcaption', 'h3', 'h4']);

/**
 * An article's (sanitised) HTML as a document's parts: the paragraphs before the first 二级标题 are
 * the preamble; each <h2> opens a section (the document numbers it 一、), its paragraphs the text of
 * the blocks under it. Images are left out of the document (it is text for the record).
 */
export function htmlSections(html: string): { preamble: string[]; sections: BulletinSection[] } {
  const preamble: string[] = [];
  const sections: BulletinSection[] = [];
  let text = '';
  let inHeading = false;
  let depth = 0;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!t) return;
    if (inHeading) sections.push({ heading: t.slice(0, 100), paragraphs: [], subsections: [] });
    else (sections.at(-1)?.paragraphs ?? preamble).push(t);
  };
  new Parser({
    onopentag(name) {
      if (name === 'h2' || (BLOCKS.has(name) && depth === 0)) {
        flush();
        inHeading = name === 'h2';
      }
      if (BLOCKS.has(name)) depth++;
    },
    ontext(t) {
      text += t;
    },
    onclosetag(name) {
      if (name === 'br') text += '\n';
      if (BLOCKS.has(name)) depth = Math.max(0, depth - 1);
      if (name === 'h2' || (BLOCKS.has(name) && depth === 0)) {
        flush();
        inHeading = false;
      }
    },
  }).end(html);
  flush();
  return { preamble, sections };
}
