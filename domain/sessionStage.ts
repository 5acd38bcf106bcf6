import type { SessionStage } from './schemas/auth.js';

export interface StageFacts {
  mustChangePassword: boolean;
  /** Holds an admin role (sysadmin, secadmin, auditor): a second factor is compulsory. */
  needsTotp: boolean;
  totpEnabled: boolean;
  /** The second factor was checked in this session. */
  totpVerified: boolean;
}

/**
 * What a fresh session must still do before it may work: prove the second factor first (so a
 * stolen password alone changes nothing), then replace an initial password, then enrol a factor.
 */
export function sessionStage(f: StageFacts): SessionStage {
  if (f.totpEnabled && !f.totpVerified) return 'totp_verify';
  if (f.mustChangePassword) return 'change_password';
  if (f.needsTotp && !f.totpEnabled) return 'totp_enrol';
  return 'ok';
}

/** The stages of an ordinary route: only a session that finished its login may call it. */
export const WORKING_STAGES: readonly SessionStage[] = ['ok'];

/**
 * Whether a session at `stage` may call a route that serves `routeStages`. Each step of the login
 * names only itself (and `ok` when it also serves a signed-in user), so a session waiting for its
 * second factor can do nothing else: not change its password, not enrol a new factor, not read.
 */
export const stageAllows = (stage: SessionStage, routeStages: readonly SessionStage[] = WORKING_STAGES): boolean => routeStages.includes(stage);
