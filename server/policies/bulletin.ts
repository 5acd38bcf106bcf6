import type { BulletinStatus } from '../../domain/bulletin.js';
import type { Role } from '../../domain/enums.js';
import { bulletinFlow } from '../../domain/workflows/bulletin.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { SEE_ALL_INSPECTIONS } from './inspection.js';
import { definePolicy, flowRoles, mayStep } from './policy.js';

export interface BulletinSubject {
  status: BulletinStatus;
}

/** Units read the bulletins once issued: a draft is the inspectors' work in progress. */
const UNIT_READERS: readonly Role[] = ['liaison', 'unit_head'];
const inspects = (a: Actor | null) => hasRole(a, 'inspector');
const mayIssue = mayStep<BulletinStatus, 'issue', BulletinSubject>(bulletinFlow, (a, _s, role) => hasRole(a, role));

/**
 * 督查通报: inspectors write (drafts generated from the ledger and the lights) and issue them; the
 * program's overseers read every one; a unit's liaison or head reads the issued ones. An issued
 * bulletin is frozen: nobody edits it.
 */
export const bulletinPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_INSPECTIONS, ...UNIT_READERS),
    create: inspects,
    update: inspects,
    issue: (a) => hasRole(a, ...flowRoles(bulletinFlow, 'issue')),
  },
  row: {
    read: (a: Actor | null, s: BulletinSubject) => hasRole(a, ...SEE_ALL_INSPECTIONS) || (s.status === 'issued' && hasRole(a, ...UNIT_READERS)),
    update: (a: Actor | null, s: BulletinSubject) => inspects(a) && s.status === 'draft',
    issue: (a: Actor | null, s: BulletinSubject) => mayIssue(a, s, 'issue'),
  },
});
