/**
 * 工作动态: the live feed of the program's work. It is derived from the audit log, so that no step
 * is written twice: each audit action is either a kind of feed event or not in the feed at all
 * (sign-ins, administration, drafts, reads). Pure: the server maps in SQL and in memory from these
 * lists, the web app labels and filters by the same kinds.
 */
export const FEED_KINDS = ['report', 'claim', 'blocker', 'instruction', 'decision', 'reply', 'plan', 'light'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * Actions named one by one. Blocker steps are mapped by their prefix (below), whatever they are.
 * A new kind takes: its actions here and in FEED_KINDS; when its entity has rows with a scope of
 * their own, a visibility below, a join and a condition in server/queries/feed.ts and their one-row
 * form in server/policies/feed.ts.
 */
const EXACT: Readonly<Record<string, FeedKind>> = {
  'report.accepted': 'report',
  'task.claimed': 'claim',
  'task.claim_approved': 'claim',
  'plan.approved': 'plan',
  'plan.published': 'plan',
  // A leader's instruction (批示) sending a blocker back down is the feed's 领导批示.
  'blocker.instructed': 'instruction',
  'blocker.returned': 'instruction',
  // …and so is one written on a report, an item or a decision, tracked to reply.
  'instruction.issued': 'instruction',
  'meeting.decision_recorded': 'decision',
  'dispatch.replied': 'reply',
  // The midnight run: its one record carries every light the day's passing changed (灯色变化).
  'system.lights_refreshed': 'light',
};

/**
 * Every `blocker.<done>` action is in the feed, so that a blocker step added later (reopened,
 * verified, …) appears without this file knowing it.
 */
export const FEED_PREFIXES: Readonly<Record<string, FeedKind>> = { 'blocker.': 'blocker' };

/** The feed kind of an audit action, or null when the action is not in the feed. */
export function feedKindOf(action: string): FeedKind | null {
  const exact = EXACT[action];
  if (exact) return exact;
  for (const [prefix, kind] of Object.entries(FEED_PREFIXES)) if (action.startsWith(prefix) && action.length > prefix.length) return kind;
  return null;
}

/** What a kind covers, for the SQL twin of feedKindOf: the exact actions and the prefixes. */
export function feedActions(kind?: FeedKind): { exact: string[]; prefixes: string[]; except: string[] } {
  const exact = Object.entries(EXACT)
    .filter(([, k]) => !kind || k === kind)
    .map(([a]) => a);
  const prefixes = Object.entries(FEED_PREFIXES)
    .filter(([, k]) => !kind || k === kind)
    .map(([p]) => p);
  // An action named exactly under another kind is not the prefix kind's (blocker.instructed is an instruction).
  const except = kind ? Object.entries(EXACT).filter(([a, k]) => k !== kind && prefixes.some((p) => a.startsWith(p))).map(([a]) => a) : [];
  return { exact, prefixes, except };
}

/**
 * Whether an event is in a kind filter: its own kind, and for 灯色变化 also any event whose step
 * changed a light. Each event carries the light changes of its own transaction (`lights`), shown
 * once per transaction, which may write several feed records (the midnight run escalates blockers
 * before its own record): on its `light` record when it has one, else on its lowest id
 * (server/queries/feed.ts).
 */
export function inFeedKind(kind: FeedKind | undefined, e: { kind: FeedKind; lights: unknown }): boolean {
  return !kind || e.kind === kind || (kind === 'light' && e.lights != null);
}

/**
 * Whose rows decide who may read an event, by the audit record's entity: a report's (reportScope),
 * a blocker's (blockerScope), a tracked item's (the units it went to; a reply only the replying
 * unit's), or the program's (tasks and plans are read by everyone in the program).
 */
export type FeedVisibility = 'report' | 'blocker' | 'dispatch' | 'program';

/** The midnight run's record (entity `system`) concerns every item, which everyone in the program reads. */
export function feedVisibility(entity: string): FeedVisibility {
  if (entity === 'report' || entity === 'blocker' || entity === 'dispatch') return entity;
  return 'program';
}
