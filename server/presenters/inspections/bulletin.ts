import type { BulletinStatus } from '../../../domain/bulletin.js';
import type { Bulletin } from '../../../domain/schemas/bulletin.js';
import type { BulletinView } from '../../models/inspections.js';

/** Every field of a bulletin, listed (its bytes are served apart, never in JSON). */
export function presentBulletin(v: BulletinView): Bulletin {
  const b = v.bulletin;
  return {
    id: b.id,
    inspectionId: b.inspectionId,
    inspectionTitle: v.inspectionTitle,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    title: b.title,
    docNumber: b.docNumber,
    issuer: b.issuer,
    issueDate: b.issueDate,
    sections: b.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs, subsections: s.subsections.map((x) => ({ heading: x.heading, paragraphs: x.paragraphs })) })),
    cc: b.cc,
    printer: b.printer,
    status: b.status as BulletinStatus,
    sha256: b.sha256,
    createdById: b.createdById,
    createdAt: b.createdAt.toISOString(),
    issuedById: b.issuedById,
    issuedAt: b.issuedAt ? b.issuedAt.toISOString() : null,
    version: b.version,
  };
}
