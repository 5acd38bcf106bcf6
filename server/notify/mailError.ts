/** What a mail server's failure means to the office, from nodemailer's `CODE: message` (see mail.ts). */
export type MailFailure = 'refused' | 'timeout' | 'dns' | 'tls' | 'auth' | 'recipient' | 'other';

export function mailFailure(error: string): MailFailure {
  if (/ECONNREFUSED/.test(error)) return 'refused';
  if (/^ETIMEDOUT|timeout|timed out|no answer within/i.test(error)) return 'timeout';
  if (/^EDNS|ENOTFOUND|EAI_AGAIN/.test(error)) return 'dns';
  if (/^ETLS|SSL|TLS|certificate/i.test(error)) return 'tls';
  if (/^EAUTH/.test(error)) return 'auth';
  if (/^EENVELOPE/.test(error)) return 'recipient';
  return 'other';
}
