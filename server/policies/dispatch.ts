import type { DispatchStatus, RecipientStatus } from '../../domain/dispatch.js';
import { DISPATCH_ACTIONS, dispatchFlow, replyFlow } from '../../domain/workflows/dispatch.js';
import type { Actor } from '../context.js';
import { isAdminRole } from '../../domain/enums.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep } from './policy.js';
import { holdsUnitRole, unitsWhere } from './report.js';

/** Roles that see every order and every reply: they run or lead the program. */
export const SEE_ALL_DISPATCHES = ['hq_office', 'leader'] as const;

export interface DispatchSubject {
  status: DispatchStatus;
  /** The units the order went to. */
  unitIds: readonly string[];
  /**
   * Another region's order, read here only because it was sent to units here (a city's order to a
   * district's units): the district reads it and its units reply, but only its own office steps it.
   */
  fromAbove?: boolean;
}

export interface ReplySubject {
  status: RecipientStatus;
  dispatchStatus: DispatchStatus;
  /** The unit replied for, and whether the order went to it at all. */
  unitId: string;
  recipient: boolean;
}

/** The dispatch flow's roles are the HQ office's: whoever holds it takes the step on any order. */
export const mayStepDispatch = mayStep(dispatchFlow, (a, _d: DispatchSubject, role) => hasRole(a, role));

/** A reply is the recipient unit's own: its liaison or head, while the order is out. */
export const mayReply = mayStep(replyFlow, (a, r: ReplySubject, role) => r.recipient && r.dispatchStatus === 'sent' && holdsUnitRole(a, r.unitId, role));

/** Units among the order's recipients for which the actor replies. */
export const replyingUnits = (a: Actor | null, d: DispatchSubject): string[] => unitsWhere(a, 'liaison', 'unit_head').filter((u) => d.unitIds.includes(u));

/**
 * 调度令: the HQ office drafts, sends, chases, closes and exports them; the leader reads them and
 * their results; a unit reads the orders sent to it and replies for itself.
 */
export const dispatchPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'hq_office', 'leader', 'liaison', 'unit_head'),
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    send: (a) => hasRole(a, ...flowRoles(dispatchFlow, 'send')),
    chase: (a) => hasRole(a, ...flowRoles(dispatchFlow, 'chase')),
    close: (a) => hasRole(a, ...flowRoles(dispatchFlow, 'close')),
    reply: (a) => hasRole(a, ...flowRoles(replyFlow, 'reply')),
    export: (a) => hasRole(a, 'hq_office', 'leader'),
    unreported: (a) => hasRole(a, 'hq_office', 'leader'),
    /** A 批示 is a leader's: the office tracks it (chases, closes) as it tracks its own orders. */
    instruct: (a) => hasRole(a, 'leader'),
    /** The 批示 on a subject: any work role may ask (the reply lists only those it may see); the admin duties read no work. */
    instructions: (a) => !!a && a.roles.length > 0 && !a.roles.some((g) => isAdminRole(g.role)),
  },
  row: {
    read: (a) => hasRole(a, 'hq_office', 'leader', 'liaison', 'unit_head'),
    update: (a, d: DispatchSubject) => hasRole(a, 'hq_office') && d.status === 'draft' && !d.fromAbove,
    ...(Object.fromEntries(DISPATCH_ACTIONS.map((action) => [action, (a: Actor | null, d: DispatchSubject) => !d.fromAbove && mayStepDispatch(a, d, action)])) as Record<
      (typeof DISPATCH_ACTIONS)[number],
      (a: Actor | null, d: DispatchSubject) => boolean
    >),
    reply: (a, d: DispatchSubject) => d.status === 'sent' && replyingUnits(a, d).length > 0,
    export: (a, d: DispatchSubject) => hasRole(a, 'hq_office', 'leader') && d.status !== 'draft',
  },
});
