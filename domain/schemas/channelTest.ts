import { z } from 'zod';
import { Email } from './common.js';

/** POST /api/notification-channels/smtp/test: where the test mail goes; left out, to the acting user's own address. */
export const SmtpTestRequest = z.strictObject({ recipient: Email.optional() });
export type SmtpTestRequest = z.infer<typeof SmtpTestRequest>;

/**
 * What became of a test message: whether the mail server or robot took it, where it went, the
 * error it gave when it did not, and a sentence saying so in the reader's language.
 */
export const ChannelTestResult = z.object({
  sent: z.boolean(),
  to: z.string().nullable(),
  error: z.string().nullable(),
  message: z.string(),
});
export type ChannelTestResult = z.infer<typeof ChannelTestResult>;
