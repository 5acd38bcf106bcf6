import { ledgerOverdue, type KeyLink, type LedgerSource, type LedgerStatus, type LedgerVerdict } from '../../../domain/ledger.js';
import type { TrailStep } from '../../../domain/ledgerTrail.js';
import type { LedgerEntry, LedgerTrailStep } from '../../../domain/schemas/ledger.js';
import type { ItemType } from '../../../domain/work.js';
import type { LedgerView } from '../../models/inspections.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of a ledger entry, listed; `overdue` as of `today` (Asia/Shanghai). */
export function presentLedgerEntry(v: LedgerView, today: string): LedgerEntry {
  const e = v.entry;
  const status = e.status as LedgerStatus;
  return {
    id: e.id,
    inspectionId: e.inspectionId,
    inspectionTitle: v.inspectionTitle,
    unitId: e.unitId,
    unitName: v.unitName,
    items: v.items.map((i) => ({ itemType: i.itemType as ItemType, itemId: i.itemId, title: i.title })),
    keyLink: e.keyLink as KeyLink,
    finding: e.finding,
    requirement: e.requirement,
    deadline: e.deadline,
    overdue: ledgerOverdue(status, e.deadline, today),
    sourceKind: e.sourceKind as LedgerSource,
    sourceId: e.sourceId,
    status,
    verdict: e.verdict as LedgerVerdict | null,
    verifyComment: e.verifyComment,
    measures: e.measures,
    evidence: v.evidence.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime, name: f.name })),
    reopenCount: e.reopenCount,
    reopenReason: e.reopenReason,
    createdById: e.createdById,
    createdAt: e.createdAt.toISOString(),
    acknowledgedById: e.acknowledgedById,
    acknowledgedAt: iso(e.acknowledgedAt),
    rectifiedById: e.rectifiedById,
    rectifiedAt: iso(e.rectifiedAt),
    verifiedById: e.verifiedById,
    verifiedAt: iso(e.verifiedAt),
    closedById: e.closedById,
    closedAt: iso(e.closedAt),
    reopenedById: e.reopenedById,
    reopenedAt: iso(e.reopenedAt),
    version: e.version,
  };
}

/** An entry's trail, each step listed (the detail only: a list does not carry it). */
export const presentTrail = (steps: TrailStep[]): LedgerTrailStep[] =>
  steps.map((s) => ({ action: s.action, at: s.at.toISOString(), actorName: s.actorName, verdict: s.verdict, text: s.text }));
