import { shanghaiDate } from '../../../domain/calendar/days.js';
import { complaintStatus, formatTrackingCode, type ComplaintEnvironment } from '../../../domain/complaints.js';
import type { CaseStatus } from '../../../domain/oversight.js';
import type { CaseComplaint, ComplaintPublicView } from '../../../domain/schemas/complaint.js';
import type { ComplaintFileRow, ComplaintRow, ComplaintStatusRow } from '../../models/complaints.js';

/** What the complainant reads: status, day filed, environment and the public reply — nothing else. */
export function presentPublicComplaint(r: ComplaintStatusRow): ComplaintPublicView {
  return {
    trackingCode: formatTrackingCode(r.trackingCode),
    status: complaintStatus(r.caseStatus as CaseStatus, r.reply !== null),
    environment: r.environment as ComplaintEnvironment,
    submittedOn: shanghaiDate(r.createdAt),
    reply: r.reply,
    repliedOn: r.repliedAt ? shanghaiDate(r.repliedAt) : null,
  };
}

/** The complaint behind a case, for the oversight role: every field but the submitter's address; its files by SHA-256, name, type and size. */
export function presentCaseComplaint(row: ComplaintRow, chosenUnitName: string | null, caseStatus: CaseStatus, files: readonly ComplaintFileRow[]): CaseComplaint {
  return {
    id: row.id,
    trackingCode: formatTrackingCode(row.trackingCode),
    enterprise: row.enterprise,
    contactPerson: row.contactPerson,
    contact: row.contact,
    environment: row.environment as ComplaintEnvironment,
    unitId: row.unitId,
    unitName: chosenUnitName ?? row.unitName,
    description: row.description,
    status: complaintStatus(caseStatus, row.reply !== null),
    reply: row.reply,
    repliedAt: row.repliedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    files: files.map((f) => ({ sha256: f.sha256, name: f.name, mime: f.mime, size: f.size })),
  };
}
