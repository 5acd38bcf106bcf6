import type { Lang } from '../../../domain/enums.js';

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
