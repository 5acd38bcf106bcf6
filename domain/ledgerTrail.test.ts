import { describe, expect, it } from 'vitest';
import { ledgerTrail, type TrailRow } from './ledgerTrail.js';

const t = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
const row: TrailRow = {
  finding: '台账更新不及时',
  createdAt: t(1),
  createdBy: '督查员',
  acknowledgedAt: t(2),
  acknowledgedBy: '联络员',
  rectifiedAt: t(6),
  rectifiedBy: '单位负责人',
  measures: '第二次整改措施',
  verifiedAt: t(7),
  verifiedBy: '督查员',
  verdict: 'effective',
  verifyComment: '复查有效',
  closedAt: t(8),
  closedBy: '督查员',
  reopenedAt: t(5),
  reopenedBy: '督查员',
  reopenReason: '整改不到位',
};

describe('a ledger entry’s trail (跟踪问效)', () => {
  it('keeps every round from the audit records, the failed verification and the reopening included, oldest first', () => {
    const rec = (action: string, h: number, after: Record<string, unknown>, actorName = '督查员') => ({ action: `ledger.${action}`, at: t(h), actorName, after });
    const trail = ledgerTrail(
      [
        rec('closed', 8, {}),
        rec('created', 1, { finding: '台账更新不及时' }),
        rec('rectified', 3, { measures: '第一次整改措施' }, '单位负责人'),
        rec('verified', 4, { verdict: 'not_effective', verifyComment: '仍未按周更新' }),
        rec('reopened', 5, { reopenReason: '整改不到位' }),
        rec('rectified', 6, { measures: '第二次整改措施' }, '单位负责人'),
        rec('verified', 7, { verdict: 'effective', verifyComment: '复查有效' }),
        // Not a step of the trail: an evidence record, say.
        { action: 'evidence.attached', at: t(3), actorName: null, after: {} },
      ],
      row,
    );
    expect(trail.map((s) => [s.action, s.actorName, s.verdict, s.text])).toEqual([
      ['created', '督查员', null, '台账更新不及时'],
      ['rectified', '单位负责人', null, '第一次整改措施'],
      ['verified', '督查员', 'not_effective', '仍未按周更新'],
      ['reopened', '督查员', null, '整改不到位'],
      ['rectified', '单位负责人', null, '第二次整改措施'],
      ['verified', '督查员', 'effective', '复查有效'],
      ['closed', '督查员', null, null],
    ]);
  });

  it('tells an entry loaded without step records from its row: each step’s latest round', () => {
    const trail = ledgerTrail([{ action: 'ledger.created', at: t(1), actorName: '督查员', after: { finding: 'x' } }], row);
    expect(trail.map((s) => s.action)).toEqual(['created', 'acknowledged', 'reopened', 'rectified', 'verified', 'closed']);
    expect(trail.find((s) => s.action === 'verified')).toMatchObject({ verdict: 'effective', text: '复查有效', actorName: '督查员' });
    const fresh = ledgerTrail([], { ...row, acknowledgedAt: null, rectifiedAt: null, verifiedAt: null, closedAt: null, reopenedAt: null });
    expect(fresh).toEqual([{ action: 'created', at: t(1), actorName: '督查员', verdict: null, text: '台账更新不及时' }]);
  });
});
