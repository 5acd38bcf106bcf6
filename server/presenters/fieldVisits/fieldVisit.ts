import type { FindingOutcome } from '../../../domain/fieldVisits.js';
import type { FieldVisit, FieldVisitDetail } from '../../../domain/schemas/fieldVisit.js';
import type { FieldVisitListRow, FindingLine } from '../../models/fieldVisit.js';
import type { TrackedOnSubject } from '../../models/dispatch.js';
import { presentDispatch, type Lateness } from '../dispatch/dispatch.js';

export function presentFieldVisit(r: FieldVisitListRow): FieldVisit {
  const v = r.visit;
  return {
    id: v.id,
    bodyId: v.bodyId,
    bodyName: r.bodyName,
    visitedOn: v.visitedOn,
    place: v.place,
    participants: v.participants,
    summary: v.summary,
    createdByName: r.createdByName,
    findingCount: r.findingCount,
    openFindingCount: r.openFindingCount,
    version: v.version,
  };
}

/** The visit with each finding and what it became: the blocker as it stands, the follow-up with its light and replies. */
export function presentFieldVisitDetail(r: FieldVisitListRow, findings: FindingLine[], followUps: TrackedOnSubject[], photos: { sha256: string; name: string }[], at: Lateness): FieldVisitDetail {
  const byId = new Map(followUps.map((f) => [f.dispatch.id, f]));
  return {
    ...presentFieldVisit(r),
    findings: findings.map(({ finding: f, blockerTitle, blockerStatus, blockerLevel }) => {
      const followUp = f.dispatchId ? byId.get(f.dispatchId) : undefined;
      return {
        id: f.id,
        position: f.position,
        text: f.text,
        outcome: (f.outcome as FindingOutcome | null) ?? null,
        blockerId: f.blockerId,
        blocker: f.blockerId && blockerTitle ? { id: f.blockerId, title: blockerTitle, status: blockerStatus ?? '', level: blockerLevel ?? '' } : null,
        followUp: followUp ? { ...presentDispatch(followUp, at), unitNames: Array.isArray(followUp.unitNames) ? followUp.unitNames : [] } : null,
        version: f.version,
      };
    }),
    photos,
  };
}
