import { z } from 'zod';
import { Email, Version } from './common.js';
import { rule } from './ruleMessages.js';

/** How the connection is protected: SSL/TLS from the first byte (port 465), STARTTLS required (587), or none (a relay inside the network). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const SMTP_LIMITS = { host: 253, username: 200, password: 200 } as const;

/**
 * The mail ports: SMTP relay (25), SSL/TLS submission (465), STARTTLS submission (587) and the
 * common alternative (2525). The server connects where this setting says, so no other port is
 * accepted: the office cannot point it at an internal service that is not a mail server.
 */
export const SMTP_PORTS = [25, 465, 587, 2525] as const;

/**
 * PUT /api/notification-channels/smtp: the HQ office's mail server, through which each person with
 * an e-mail address also gets their digest. The password is written, never read back: omitted (or
 * empty) it keeps the stored one; a login without one, or a login over an unprotected connection,
 * is refused naming the field.
 */
export const SmtpChannelUpdate = z
  .strictObject({
    version: Version,
    enabled: z.boolean(),
    host: z.string().trim().min(1).max(SMTP_LIMITS.host).regex(z.regexes.hostname, rule('smtpHost')),
    port: z
      .number()
      .int()
      .refine((p) => (SMTP_PORTS as readonly number[]).includes(p), rule('smtpPort')),
    security: z.enum(SMTP_SECURITY),
    username: z.string().trim().max(SMTP_LIMITS.username).nullable().optional(),
    password: z.string().max(SMTP_LIMITS.password).optional(),
    fromAddress: Email,
  })
  .superRefine((s, ctx) => {
    if (s.username && s.security === 'none') ctx.addIssue({ code: 'custom', path: ['security'], message: rule('smtpPlainLogin').error });
  });
export type SmtpChannelUpdate = z.infer<typeof SmtpChannelUpdate>;

/** The mail server as the settings page shows it: whether a password is stored, never the password. */
export const SmtpChannel = z.object({
  version: z.number(),
  enabled: z.boolean(),
  host: z.string(),
  port: z.number(),
  security: z.enum(SMTP_SECURITY),
  username: z.string().nullable(),
  fromAddress: z.string(),
  passwordSet: z.boolean(),
});
export type SmtpChannel = z.infer<typeof SmtpChannel>;
