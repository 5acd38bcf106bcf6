import { describe, expect, it } from 'vitest';
import { sessionStage, stageAllows } from './sessionStage.js';

const base = { mustChangePassword: false, needsTotp: false, totpEnabled: false, totpVerified: false };

describe('session stage', () => {
  it('lets an ordinary user straight in', () => expect(sessionStage(base)).toBe('ok'));
  it('forces an initial password change', () => expect(sessionStage({ ...base, mustChangePassword: true })).toBe('change_password'));
  it('makes admins enrol a second factor after the password change', () => {
    expect(sessionStage({ ...base, needsTotp: true, mustChangePassword: true })).toBe('change_password');
    expect(sessionStage({ ...base, needsTotp: true })).toBe('totp_enrol');
  });
  it('asks for the second factor before anything else', () => {
    expect(sessionStage({ ...base, totpEnabled: true, mustChangePassword: true })).toBe('totp_verify');
    expect(sessionStage({ ...base, totpEnabled: true, totpVerified: true, mustChangePassword: true })).toBe('change_password');
    expect(sessionStage({ ...base, needsTotp: true, totpEnabled: true, totpVerified: true })).toBe('ok');
  });
});

describe('which stages a route serves', () => {
  it('lets only a finished login call an ordinary route', () => {
    expect(stageAllows('ok')).toBe(true);
    for (const s of ['totp_verify', 'change_password', 'totp_enrol'] as const) expect(stageAllows(s)).toBe(false);
  });
  it('lets a session waiting for its second factor call the verify step only', () => {
    expect(stageAllows('totp_verify', ['totp_verify'])).toBe(true);
    expect(stageAllows('totp_verify', ['change_password', 'ok'])).toBe(false);
    expect(stageAllows('totp_verify', ['totp_enrol', 'ok'])).toBe(false);
  });
});
