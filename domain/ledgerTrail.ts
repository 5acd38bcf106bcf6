import type { LedgerVerdict } from './ledger.js';

/** What was done to a ledger entry, in the order the 跟踪问效 trail shows. */
export const TRAIL_ACTIONS = ['created', 'acknowledged', 'rectified', 'verified', 'closed', 'reopened'] as const;
export type TrailAction = (typeof TRAIL_ACTIONS)[number];

/** One step of an entry's trail: who did what when, with what they wrote (measures, verdict and comment, reason). */
export interface TrailStep {
  action: TrailAction;
  at: Date;
  actorName: string | null;
  verdict: LedgerVerdict | null;
  text: string | null;
}

/** An audit record of the entry (`ledger.<action>`), its `after` as written. */
export interface TrailRecord {
  action: string;
  at: Date;
  actorName: string | null;
  after: unknown;
}

/** The entry's row as kept: each step's latest who and when (earlier rounds live in the audit log only). */
export interface TrailRow {
  finding: string;
  createdAt: Date;
  createdBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  rectifiedAt: Date | null;
  rectifiedBy: string | null;
  measures: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verdict: LedgerVerdict | null;
  verifyComment: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  reopenedAt: Date | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const field = (after: unknown, key: string): unknown => (after && typeof after === 'object' ? (after as Record<string, unknown>)[key] : undefined);
const verdictOf = (v: unknown): LedgerVerdict | null => (v === 'effective' || v === 'not_effective' ? v : null);

/**
 * The entry's whole trail: every round of rectification and verification, a failed one and the
 * reopening included, from its audit records. An entry without them (loaded, not stepped through
 * the API: the demo) is told from its row, which keeps each step's latest round.
 */
export function ledgerTrail(records: readonly TrailRecord[], row: TrailRow): TrailStep[] {
  const steps: TrailStep[] = [];
  for (const r of records) {
    const action = r.action.replace(/^ledger\./, '') as TrailAction;
    if (!TRAIL_ACTIONS.includes(action)) continue;
    const a = r.after;
    steps.push({
      action,
      at: r.at,
      actorName: r.actorName,
      verdict: action === 'verified' ? verdictOf(field(a, 'verdict')) : null,
      text:
        action === 'created'
          ? text(field(a, 'finding'))
          : action === 'rectified'
            ? text(field(a, 'measures'))
            : action === 'verified'
              ? text(field(a, 'verifyComment'))
              : action === 'reopened'
                ? text(field(a, 'reopenReason'))
                : null,
    });
  }
  if (steps.some((s) => s.action !== 'created')) return steps.sort((x, y) => x.at.getTime() - y.at.getTime());
  const fromRow: TrailStep[] = [{ action: 'created', at: row.createdAt, actorName: row.createdBy, verdict: null, text: row.finding }];
  const add = (action: TrailAction, at: Date | null, actorName: string | null, t: string | null = null, verdict: LedgerVerdict | null = null) => {
    if (at) fromRow.push({ action, at, actorName, verdict, text: t });
  };
  add('acknowledged', row.acknowledgedAt, row.acknowledgedBy);
  add('rectified', row.rectifiedAt, row.rectifiedBy, row.measures);
  add('verified', row.verifiedAt, row.verifiedBy, row.verifyComment, row.verdict);
  add('closed', row.closedAt, row.closedBy);
  add('reopened', row.reopenedAt, row.reopenedBy, row.reopenReason);
  return fromRow.sort((x, y) => x.at.getTime() - y.at.getTime());
}
