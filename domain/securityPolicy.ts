import { z } from 'zod';

/** Security policy set by the secadmin: lockout, session timeouts, password rules. */
export const SecurityPolicySchema = z.strictObject({
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutWindowMinutes: z.number().int().min(1).max(1440),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(240),
  absoluteTimeoutHours: z.number().int().min(1).max(24),
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(2).max(4),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  lockoutThreshold: 5,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  passwordMinLength: 8,
  passwordMinClasses: 3,
};
