import nodemailer from 'nodemailer';
import type { StoredSmtp } from '../models/reminders.js';

/** What became of one mail: sent (no error), or the error and whether it is the server's (the round's other mails would meet it too) or final. */
export interface MailOutcome {
  error: string | null;
  /** The server could not be reached or talked to: connection, TLS, greeting, login. */
  serverDown: boolean;
  /** The server refused this recipient or message for good (5xx): retrying changes nothing. */
  permanent: boolean;
}

/** Errors about the recipient or the message, not the server (nodemailer's codes). */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * A mailer for one round of the outbox. Every wait is bounded: connecting, the greeting, each
 * reply (nodemailer's own defaults wait minutes), and the whole exchange, so a slow or silent
 * server costs a round seconds, never hangs it. No attachments, files or URLs are ever read.
 */
export function smtpMailer(smtp: StoredSmtp, timeoutMs: number) {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    // A plain relay: no upgrade attempted either (a login is refused with 'none' when saved: the password never goes in clear).
    ignoreTLS: smtp.security === 'none',
    ...(smtp.username && smtp.password ? { auth: { user: smtp.username, pass: smtp.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const from = { name: '推进平台', address: smtp.fromAddress };
  return {
    async send(to: string, mail: { subject: string; text: string }): Promise<MailOutcome> {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${(3 * timeoutMs) / 1000} s`), { code: 'ETIMEDOUT' })), 3 * timeoutMs);
      });
      try {
        await Promise.race([transport.sendMail({ from, to, subject: mail.subject, text: mail.text }), deadline]);
        return { error: null, serverDown: false, permanent: false };
      } catch (e) {
        const err = e as { code?: string; responseCode?: number; message?: string };
        const onMessage = MESSAGE_ERRORS.has(err.code ?? '');
        return { error: `${err.code ?? 'Error'}: ${err.message ?? String(e)}`, serverDown: !onMessage, permanent: onMessage && (err.responseCode ?? 0) >= 500 };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}
