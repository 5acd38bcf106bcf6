import type { SessionStage } from '../api/types.js';

/** Where each login stage is finished; 'ok' goes to the workbench. */
export const STAGE_PATHS: Record<SessionStage, string> = {
  ok: '/',
  totp_verify: '/login/verify',
  change_password: '/login/password',
  totp_enrol: '/login/enrol',
};
