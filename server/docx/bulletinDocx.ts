import type { BulletinSection } from '../../domain/bulletin.js';
import { officialDocx } from './officialDocument.js';

/** What a bulletin's document is written from: the bulletin as stored. */
export interface BulletinDoc {
  title: string;
  docNumber: string;
  issuer: string;
  issueDate: string;
  sections: BulletinSection[];
  cc: string;
  printer: string;
  /** A draft's preview says so under its title; an issued bulletin does not. */
  draft: boolean;
}

/** 督查通报 as a .docx in the GB/T 9704 layout, to 各有关单位. */
export function bulletinDocx(b: BulletinDoc): Promise<Buffer> {
  return officialDocx({
    issuer: b.issuer,
    docNumber: b.docNumber,
    title: b.title,
    mark: b.draft ? { text: '（草稿，未签发）' } : undefined,
    addressee: '各有关单位',
    sections: b.sections,
    date: b.issueDate,
    cc: b.cc,
    printer: b.printer,
  });
}
