import type { KeyLink } from '../../../domain/ledger.js';
import type { CaseCategory, CaseDisposal, CaseSource, CaseStatus } from '../../../domain/oversight.js';
import type { OversightCase } from '../../../domain/schemas/oversight.js';
import type { CaseView } from '../../models/oversight.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of a case, listed (its notes as given: a list leaves them out). */
export function presentCase(v: CaseView): OversightCase {
  const c = v.row;
  return {
    id: c.id,
    category: c.category as CaseCategory,
    keyLink: c.keyLink as KeyLink | null,
    unitId: c.unitId,
    unitName: v.unitName,
    title: c.title,
    summary: c.summary,
    sourceKind: c.sourceKind as CaseSource,
    sourceId: c.sourceId,
    sourceTitle: v.sourceTitle,
    status: c.status as CaseStatus,
    disposal: c.disposal as CaseDisposal | null,
    disposalText: c.disposalText,
    notes: v.notes.map((n) => ({ id: n.id, content: n.content, authorId: n.authorId, authorName: n.authorName, createdAt: n.createdAt.toISOString() })),
    createdById: c.createdById,
    createdAt: c.createdAt.toISOString(),
    verifiedAt: iso(c.verifiedAt),
    handledAt: iso(c.handledAt),
    closedAt: iso(c.closedAt),
    version: c.version,
  };
}
