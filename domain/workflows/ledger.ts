import type { LedgerStatus } from '../ledger.js';
import type { Flow } from './flow.js';

export const LEDGER_ACTIONS = ['acknowledge', 'rectify', 'verify', 'close', 'reopen'] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];

const UNIT = ['liaison', 'unit_head'] as const;
const INSPECTOR = ['inspector'] as const;

/**
 * 督查台账 to the end: the inspected unit acknowledges the finding and submits its rectification
 * (it may submit at once, without acknowledging first); the inspector verifies it (跟踪问效) as
 * effective or not, closes what was effective, and reopens what was not — or what proves not to be
 * after closing — for the unit to rectify again.
 */
export const ledgerFlow: Flow<LedgerStatus, LedgerAction> = {
  open: {
    acknowledge: { to: 'rectifying', by: UNIT },
    rectify: { to: 'submitted', by: UNIT },
  },
  rectifying: { rectify: { to: 'submitted', by: UNIT } },
  submitted: { verify: { to: 'verified', by: INSPECTOR } },
  verified: {
    close: { to: 'closed', by: INSPECTOR },
    reopen: { to: 'rectifying', by: INSPECTOR },
  },
  closed: { reopen: { to: 'rectifying', by: INSPECTOR } },
};
