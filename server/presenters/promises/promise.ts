import { promiseOverdue, promiseState, requestOverdue, type PromiseStatus, type RequestStatus } from '../../../domain/promises.js';
import type { PromiseRecord, ResponseRequest } from '../../../domain/schemas/promise.js';
import type { EvidenceFile, PromiseView, RequestView } from '../../models/promises.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const files = (list: readonly EvidenceFile[]) => list.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime, name: f.name }));

/** Every field of a response request, listed: nothing about where it came from (there is nothing on the row to tell). */
export function presentRequest(v: RequestView, today: string): ResponseRequest {
  const r = v.row;
  const status = r.status as RequestStatus;
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: v.unitName,
    text: r.text,
    enterprise: r.enterprise,
    deadline: r.deadline,
    overdue: requestOverdue(status, r.deadline, today),
    status,
    answer: r.answer,
    evidence: files(v.evidence),
    draftPromises: r.draftPromises.map((p) => ({ enterprise: p.enterprise, content: p.content, deadline: p.deadline })),
    requestedAt: r.requestedAt.toISOString(),
    draftedById: r.draftedById,
    draftedByName: v.draftedByName,
    draftedAt: iso(r.draftedAt),
    answeredById: r.answeredById,
    answeredByName: v.answeredByName,
    answeredAt: iso(r.answeredAt),
    version: r.version,
  };
}

/** Every field of a promise, listed; its shown state as of `today`. */
export function presentPromise(v: PromiseView, today: string): PromiseRecord {
  const p = v.row;
  const status = p.status as PromiseStatus;
  return {
    id: p.id,
    requestId: p.requestId,
    unitId: p.unitId,
    unitName: v.unitName,
    enterprise: p.enterprise,
    content: p.content,
    deadline: p.deadline,
    status,
    state: promiseState(status, p.deadline, today),
    overdue: promiseOverdue(status, p.deadline, today),
    keptNote: p.keptNote,
    keptAt: iso(p.keptAt),
    brokenReason: p.brokenReason,
    brokenAt: iso(p.brokenAt),
    evidence: files(v.evidence),
    createdAt: p.createdAt.toISOString(),
    version: p.version,
  };
}
