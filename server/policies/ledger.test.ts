import { describe, expect, it } from 'vitest';
import { inspectionPolicy } from './inspection.js';
import { bulletinPolicy } from './bulletin.js';
import { ledgerPolicy, type LedgerSubject } from './ledger.js';
import { noticePolicy } from './notice.js';
import { actorWith } from './policyArbitraries.js';

const inspector = { ...actorWith('X', ['inspector']), userId: 'insp' };
const liaisonU = { ...actorWith('U', ['liaison']), userId: 'liaison' };
const headU = actorWith('U', ['unit_head']);
const liaisonV = actorWith('V', ['liaison']);
/** Someone of unit U who also inspects: they may not judge their own rectification. */
const liaisonAndInspector = { ...actorWith('U', ['liaison'], ['inspector']), userId: 'both' };
const entry = (status: LedgerSubject['status'], more: Partial<LedgerSubject> = {}): LedgerSubject => ({ status, unitId: 'U', verdict: null, rectifiedById: null, ...more });
const allowed = (p: Record<string, boolean>) => Object.keys(p).filter((k) => p[k]);

describe('ledger policy', () => {
  it('lets the inspected unit acknowledge or rectify an open entry, and only rectify once acknowledged', () => {
    expect(allowed(ledgerPolicy.rowPolicies(liaisonU, entry('open')))).toEqual(['acknowledge', 'rectify']);
    expect(allowed(ledgerPolicy.rowPolicies(headU, entry('rectifying')))).toEqual(['rectify']);
    expect(allowed(ledgerPolicy.rowPolicies(liaisonV, entry('open')))).toEqual([]);
    expect(allowed(ledgerPolicy.rowPolicies(inspector, entry('open')))).toEqual([]);
  });

  it('lets an inspector verify a submitted rectification, but not the person who submitted it', () => {
    expect(allowed(ledgerPolicy.rowPolicies(inspector, entry('submitted', { rectifiedById: 'liaison' })))).toEqual(['verify']);
    expect(allowed(ledgerPolicy.rowPolicies(liaisonAndInspector, entry('submitted', { rectifiedById: 'both' })))).toEqual([]);
    expect(allowed(ledgerPolicy.rowPolicies(liaisonU, entry('submitted', { rectifiedById: 'liaison' })))).toEqual([]);
  });

  it('closes only what was found effective, and reopens verified or closed entries', () => {
    expect(allowed(ledgerPolicy.rowPolicies(inspector, entry('verified', { verdict: 'effective' })))).toEqual(['close', 'reopen']);
    expect(allowed(ledgerPolicy.rowPolicies(inspector, entry('verified', { verdict: 'not_effective' })))).toEqual(['reopen']);
    expect(allowed(ledgerPolicy.rowPolicies(inspector, entry('closed', { verdict: 'effective' })))).toEqual(['reopen']);
    expect(allowed(ledgerPolicy.rowPolicies(liaisonU, entry('closed', { verdict: 'effective' })))).toEqual([]);
  });

  it('keeps the ledger from the separated administrators and the publicity office', () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor', 'publicist'] as const) expect(ledgerPolicy.route.read(actorWith('U', [role])), role).toBe(false);
    for (const role of ['inspector', 'hq_office', 'leader', 'oversight', 'assessor', 'liaison', 'unit_head'] as const) expect(ledgerPolicy.route.read(actorWith('U', [role])), role).toBe(true);
    expect(ledgerPolicy.route.read(actorWith('U', ['task_force', 'B1']))).toBe(true);
    expect(ledgerPolicy.route.create(actorWith('U', ['hq_office']))).toBe(false);
  });
});

describe('inspection policy', () => {
  it('shows a unit the campaigns that inspect it, and the overseers every campaign', () => {
    expect(inspectionPolicy.row.read(liaisonU, { unitIds: ['U', 'W'] })).toBe(true);
    expect(inspectionPolicy.row.read(liaisonV, { unitIds: ['U', 'W'] })).toBe(false);
    for (const role of ['inspector', 'hq_office', 'leader', 'oversight', 'assessor'] as const) expect(inspectionPolicy.row.read(actorWith('Z', [role]), { unitIds: ['U'] }), role).toBe(true);
  });

  it('lets inspectors and the HQ office plan campaigns, nobody else', () => {
    expect(inspectionPolicy.route.create(inspector)).toBe(true);
    expect(inspectionPolicy.route.create(actorWith('X', ['hq_office']))).toBe(true);
    for (const role of ['leader', 'oversight', 'liaison', 'task_force', 'sysadmin'] as const) expect(inspectionPolicy.route.create(actorWith('X', [role])), role).toBe(false);
  });
});

describe('bulletin and notice policies', () => {
  const office = actorWith('X', ['hq_office']);
  it('lets inspectors edit and issue a draft; units read only what was issued; nobody edits an issued one', () => {
    expect(allowed(bulletinPolicy.rowPolicies(inspector, { status: 'draft' }))).toEqual(['read', 'update', 'issue']);
    expect(allowed(bulletinPolicy.rowPolicies(inspector, { status: 'issued' }))).toEqual(['read']);
    expect(allowed(bulletinPolicy.rowPolicies(office, { status: 'draft' }))).toEqual(['read']);
    expect(allowed(bulletinPolicy.rowPolicies(liaisonU, { status: 'draft' }))).toEqual([]);
    expect(allowed(bulletinPolicy.rowPolicies(liaisonU, { status: 'issued' }))).toEqual(['read']);
  });
  it('lets the notice’s unit acknowledge it once, and no one else', () => {
    expect(allowed(noticePolicy.rowPolicies(liaisonU, { status: 'sent', unitId: 'U' }))).toEqual(['acknowledge']);
    expect(allowed(noticePolicy.rowPolicies(headU, { status: 'sent', unitId: 'U' }))).toEqual(['acknowledge']);
    expect(allowed(noticePolicy.rowPolicies(liaisonU, { status: 'acknowledged', unitId: 'U' }))).toEqual([]);
    expect(allowed(noticePolicy.rowPolicies(liaisonV, { status: 'sent', unitId: 'U' }))).toEqual([]);
    expect(allowed(noticePolicy.rowPolicies(inspector, { status: 'sent', unitId: 'U' }))).toEqual([]);
    expect(noticePolicy.routePolicies(office)).toEqual({ read: true, create: true, acknowledge: false });
  });
});
