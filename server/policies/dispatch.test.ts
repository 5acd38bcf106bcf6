import { describe, expect, it } from 'vitest';
import { dispatchPolicy, mayReply } from './dispatch.js';
import { actorWith } from './policyArbitraries.js';

describe('dispatch policy', () => {
  const hq = actorWith('HQ', ['hq_office']);
  const leader = actorWith('X', ['leader']);
  const liaison = actorWith('U1', ['liaison']);
  const otherHead = actorWith('U2', ['unit_head']);
  const order = (status: 'draft' | 'sent' | 'closed') => ({ status, unitIds: ['U1', 'U3'] });

  it('lets the HQ office draft, send, chase and close; the leader reads and exports', () => {
    expect(dispatchPolicy.rowPolicies(hq, order('draft'))).toMatchObject({ update: true, send: true, chase: false, close: false, reply: false, export: false });
    expect(dispatchPolicy.rowPolicies(hq, order('sent'))).toMatchObject({ update: false, send: false, chase: true, close: true, export: true });
    expect(dispatchPolicy.rowPolicies(leader, order('sent'))).toMatchObject({ read: true, chase: false, export: true });
    expect(dispatchPolicy.rowPolicies(hq, order('closed'))).toMatchObject({ chase: false, close: false, export: true });
  });

  it('lets a recipient unit reply while the order is out, and nobody else', () => {
    expect(dispatchPolicy.rowPolicies(liaison, order('sent')).reply).toBe(true);
    expect(dispatchPolicy.rowPolicies(liaison, order('closed')).reply).toBe(false);
    expect(dispatchPolicy.rowPolicies(otherHead, order('sent')).reply).toBe(false);
    expect(dispatchPolicy.rowPolicies(hq, order('sent')).reply).toBe(false);
    const row = { status: 'pending' as const, dispatchStatus: 'sent' as const, unitId: 'U1', recipient: true };
    expect(mayReply(liaison, row, 'reply')).toBe(true);
    expect(mayReply(otherHead, row, 'reply')).toBe(false);
    expect(mayReply(liaison, { ...row, status: 'replied' }, 'reply')).toBe(true);
    expect(mayReply(liaison, { ...row, dispatchStatus: 'closed' }, 'reply')).toBe(false);
  });
});
