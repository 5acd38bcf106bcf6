import type { Lang } from '../../../domain/enums.js';
import type { SmtpChannel } from '../../../domain/schemas/smtpChannel.js';
import type { StoredSmtp } from '../../models/reminders.js';

interface RobotRow {
  id: string;
  kind: string;
  name: string;
  url: string;
  enabled: boolean;
  unitId: string | null;
  unitName: string | null;
}

/** The webhook's host and the first characters of its key or token: enough to tell two apart, not to post with. */
const masked = (url: string) => {
  const u = new URL(url);
  const [[k, v] = ['', '']] = [...u.searchParams];
  return `${u.host}${u.pathname}?${k}=${v.slice(0, 4)}…`;
};

/** The channels as the settings page lists them: the inbox first, then the robots (no secret, the address masked). */
export function presentChannels(robots: readonly RobotRow[], lang: Lang) {
  return [
    { id: 'inbox', kind: 'inbox', name: lang === 'en-US' ? 'In-app inbox' : '站内消息', enabled: true, unitId: null, unitName: null, address: null },
    ...robots.map((r) => ({ id: r.id, kind: r.kind, name: r.name, enabled: r.enabled, unitId: r.unitId, unitName: r.unitName, address: masked(r.url) })),
  ];
}

/** The mail server without its password: only whether one is stored. */
export function presentSmtp(saved: { smtp: StoredSmtp | null; version: number }): SmtpChannel | null {
  const s = saved.smtp;
  if (!s) return null;
  return { version: saved.version, enabled: s.enabled, host: s.host, port: s.port, security: s.security, username: s.username, fromAddress: s.fromAddress, passwordSet: !!s.password };
}
