import type { FastifyReply } from 'fastify';
import { ChangePasswordBody, LoginBody, LoginResult, RecoveryCodeBody, RecoveryCodes, RecoveryResult, SessionStage, TotpCodeBody, TotpEnrolResult, TotpSetup } from '../../domain/schemas/auth.js';
import { ErrorBody, OkBody } from '../../domain/schemas/common.js';
import { z } from 'zod';
import type { App } from '../app.js';
import { changePassword } from '../commands/changePassword.js';
import { login } from '../commands/login.js';
import { logout } from '../commands/logout.js';
import { enrolTotp, recoverWithCode, regenerateRecoveryCodes, setupTotp, verifyTotp } from '../commands/totp.js';
import type { AuthThrottle } from '../security/authThrottle.js';
import { SESSION_COOKIE } from '../security/sessions.js';

const StageResult = z.object({ data: z.object({ stage: z.enum(['ok', 'change_password', 'totp_enrol', 'totp_verify']) }) });
/** Every stage: signing out, and reading who one is (the web app asks it to know the next step). */
export const ANY_STAGE = SessionStage.options;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

export default function authRoutes(app: App, opts: { secureCookies: boolean; throttle: AuthThrottle }) {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies });

  app.post(
    '/api/auth/login',
    { config: { auth: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResult, ...errors } } },
    async (req, reply) => {
      const r = await login(req.ctx, req.body, opts.throttle);
      if (!r.ok) throw r.error;
      setSessionCookie(reply, r.token);
      return { data: { stage: r.stage, csrfToken: r.csrfToken } };
    },
  );

  app.post('/api/auth/logout', { config: { stages: ANY_STAGE }, schema: { tags: ['auth'], response: { 200: OkBody, ...errors } } }, async (req, reply) => {
    await logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post(
    '/api/auth/password',
    // Not while the second factor is outstanding: a stolen password would otherwise reach `ok`.
    { config: { stages: ['change_password', 'ok'] }, schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: StageResult, ...errors } } },
    async (req) => ({ data: await changePassword(req.ctx, req.body, opts.throttle) }),
  );

  app.post('/api/auth/totp/setup', { config: { stages: ['totp_enrol', 'ok'] }, schema: { tags: ['auth'], response: { 200: TotpSetup, ...errors } } }, async (req) => ({
    data: await setupTotp(req.ctx),
  }));

  app.post(
    '/api/auth/totp/enrol',
    { config: { stages: ['totp_enrol', 'ok'] }, schema: { tags: ['auth'], body: TotpCodeBody, response: { 200: TotpEnrolResult, ...errors } } },
    async (req) => ({ data: await enrolTotp(req.ctx, req.body.code) }),
  );

  // The second step with a recovery code, for a user whose phone is lost.
  app.post(
    '/api/auth/totp/recover',
    { config: { stages: ['totp_verify'] }, schema: { tags: ['auth'], body: RecoveryCodeBody, response: { 200: RecoveryResult, ...errors } } },
    async (req) => {
      const r = await recoverWithCode(req.ctx, req.body.code, opts.throttle);
      if (!r.ok) throw r.error;
      return { data: { stage: r.stage, remaining: r.remaining } };
    },
  );

  app.post(
    '/api/auth/totp/recovery-codes',
    { config: { stages: ['ok'] }, schema: { tags: ['auth'], body: TotpCodeBody, response: { 200: RecoveryCodes, ...errors } } },
    async (req) => ({ data: await regenerateRecoveryCodes(req.ctx, req.body.code) }),
  );

  app.post(
    '/api/auth/totp/verify',
    { config: { stages: ['totp_verify'] }, schema: { tags: ['auth'], body: TotpCodeBody, response: { 200: StageResult, ...errors } } },
    async (req) => {
      const r = await verifyTotp(req.ctx, req.body.code, opts.throttle);
      if (!r.ok) throw r.error;
      return { data: { stage: r.stage } };
    },
  );
}
