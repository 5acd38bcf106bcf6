import type { ChangePasswordInput, LoginInput } from '../../domain/schemas/auth.js';
import { api, setCsrfToken } from './client.js';
import type { Me, SessionStage, TotpSetup } from './types.js';

type StageAnswer = { data: { stage: SessionStage } };

/** POST /api/auth/login; keeps the CSRF token of the new session. */
export async function login(input: LoginInput): Promise<SessionStage> {
  const r = await api<{ data: { stage: SessionStage; csrfToken: string } }>('/auth/login', { method: 'POST', body: input, noAuthRedirect: true });
  setCsrfToken(r.data.csrfToken);
  return r.data.stage;
}

export async function logout(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST', noAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

/** GET /api/me; refreshes the CSRF token (it survives a reload only through this call). */
export async function fetchMe(): Promise<Me> {
  const r = await api<{ data: Me }>('/me');
  setCsrfToken(r.data.csrfToken);
  return r.data;
}

export const changePassword = async (input: ChangePasswordInput) =>
  (await api<StageAnswer>('/auth/password', { method: 'POST', body: input })).data.stage;

export const setupTotp = async () => (await api<{ data: TotpSetup }>('/auth/totp/setup', { method: 'POST' })).data;

export const enrolTotp = async (code: string) =>
  (await api<{ data: { stage: SessionStage; recoveryCodes: string[] } }>('/auth/totp/enrol', { method: 'POST', body: { code } })).data;
/** The second step with a recovery code; says how many codes are left. */
export const recoverWithCode = async (code: string) =>
  (await api<{ data: { stage: SessionStage; remaining: number } }>('/auth/totp/recover', { method: 'POST', body: { code } })).data;

export const verifyTotp = async (code: string) => (await api<StageAnswer>('/auth/totp/verify', { method: 'POST', body: { code } })).data.stage;
