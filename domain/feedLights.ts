import type { Light } from './lights.js';

/**
 * 灯色变化 in the feed: what one transaction did to the lights, shown on its feed event. Pure: the
 * server counts in SQL by these rules (server/queries/feedLights.ts), the web app words the summary.
 */

/** What a light change counts as, worst first: the feed lists the changed items in this order. */
export const LIGHT_MOVES = ['red', 'yellow', 'recovered', 'done'] as const;
export type LightMove = (typeof LIGHT_MOVES)[number];

/**
 * The rules, one per move: to this light (from one of these, when named). Recovered is green from
 * red or yellow only: an item that starts (not started → green) has not recovered from anything.
 */
export const LIGHT_MOVE_RULES: readonly { move: LightMove; to: Light; from?: readonly Light[] }[] = [
  { move: 'red', to: 'red' },
  { move: 'yellow', to: 'yellow' },
  { move: 'recovered', to: 'green', from: ['red', 'yellow'] },
  { move: 'done', to: 'done' },
];

/** What a change from one light to another counts as, or null when it is none of the moves (or no change). */
export function lightMoveOf(from: string, to: string): LightMove | null {
  if (from === to) return null;
  const rule = LIGHT_MOVE_RULES.find((r) => r.to === to && (!r.from || r.from.some((f) => f === from)));
  return rule?.move ?? null;
}

/** At most this many changed items are named on an event; the counts cover them all. */
export const LIGHT_ITEMS_SHOWN = 5;

export type LightItemType = 'task' | 'target' | 'project';

/** One item whose light the transaction changed (its first light before, its last after); `other`: none of the moves (a start). */
export interface LightChangeItem {
  itemType: LightItemType;
  itemId: string;
  code: string | null;
  title: string | null;
  from: Light;
  to: Light;
  move: LightMove | 'other';
}

/** How many items each move took, and other changes (a start, back to not started) as `other`. */
export type LightCounts = Record<LightMove, number> & { other: number };

export interface LightSummary extends LightCounts {
  /** The first few items, worst first (red, yellow, recovered, done, then the others). */
  items: LightChangeItem[];
}

const rank = (m: LightMove | 'other') => (m === 'other' ? LIGHT_MOVES.length : LIGHT_MOVES.indexOf(m));

/**
 * One transaction's summary from its counts by move (null: none of the moves) and some of its
 * changed items, which it orders worst first (a stable sort: the given order within a move) and cuts
 * to LIGHT_ITEMS_SHOWN.
 */
export function summariseLights(counts: readonly { move: LightMove | null; n: number }[], items: readonly LightChangeItem[]): LightSummary {
  const c: LightCounts = { red: 0, yellow: 0, recovered: 0, done: 0, other: 0 };
  for (const { move, n } of counts) c[move ?? 'other'] += n;
  const worstFirst = [...items].sort((a, b) => rank(a.move) - rank(b.move)).slice(0, LIGHT_ITEMS_SHOWN);
  return { ...c, items: worstFirst };
}

/** How many items the transaction changed the light of, whatever the change. */
export const lightsChanged = (s: LightCounts): number => LIGHT_MOVES.reduce((n, m) => n + s[m], s.other);

/**
 * One region's share of a transaction's light changes: its items' counts by move and its first few
 * items, each with its place in the transaction (`order`: the first change's id) so that shares
 * merge in the transaction's order. The midnight run changes every district's lights in one record;
 * each reader is shown the shares of its own regions only (the region seal, issue 25).
 */
export interface RegionLights {
  regionId: string | null;
  counts: { move: LightMove | null; n: number }[];
  items: (LightChangeItem & { order: number })[];
}

/**
 * The summary a reader of these regions sees (`'all'`: every share): the shares of its regions
 * summed, their items worst first and in the transaction's order within a move, cut to
 * LIGHT_ITEMS_SHOWN; null when no share is of its regions. Each share holds its own first few, so
 * the first few of their union are among them.
 */
export function lightsIn(parts: readonly RegionLights[] | null, scope: readonly string[] | 'all'): LightSummary | null {
  const seen = (parts ?? []).filter((p) => scope === 'all' || (p.regionId !== null && scope.includes(p.regionId)));
  if (!seen.length) return null;
  const items = seen
    .flatMap((p) => p.items)
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
  return summariseLights(
    seen.flatMap((p) => p.counts),
    items,
  );
}
