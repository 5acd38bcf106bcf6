import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { ROLES } from '../enums.js';

export const LoginBody = z.strictObject({
  account: z.string().trim().min(1).max(LIMITS.account),
  password: z.string().min(1).max(LIMITS.password),
});
export type LoginInput = z.infer<typeof LoginBody>;

export const TotpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
/** A recovery code as typed (any case, dashes or spaces); whether it is one is the server's to say, like a wrong code. */
export const RecoveryCodeBody = z.strictObject({ code: z.string().trim().min(1).max(40) });
export const TotpEnrolResult = z.object({ data: z.object({ stage: z.enum(['ok', 'change_password', 'totp_enrol', 'totp_verify']), recoveryCodes: z.array(z.string()) }) });
export const RecoveryResult = z.object({ data: z.object({ stage: z.enum(['ok', 'change_password', 'totp_enrol', 'totp_verify']), remaining: z.number() }) });
export const RecoveryCodes = z.object({ data: z.object({ recoveryCodes: z.array(z.string()) }) });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.password),
  newPassword: z.string().min(1).max(LIMITS.password),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordBody>;

/** What the session still needs before the user may work. */
export const SessionStage = z.enum(['ok', 'change_password', 'totp_enrol', 'totp_verify']);
export type SessionStage = z.infer<typeof SessionStage>;

export const RoleGrant = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid().nullable(),
  bodyId: z.uuid().nullable(),
});

export const Me = z.object({
  id: z.uuid(),
  account: z.string(),
  displayName: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  roles: z.array(RoleGrant.extend({ scopeName: z.string().nullable() })),
  stage: SessionStage,
  csrfToken: z.string(),
  totpEnabled: z.boolean(),
  /** The password rules in force (set by the secadmin), so a password form checks what the server will. */
  passwordRules: z.object({ minLength: z.number(), minClasses: z.number() }),
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.object({ data: z.object({ stage: SessionStage, csrfToken: z.string() }) });

export const TotpSetup = z.object({ data: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) });
