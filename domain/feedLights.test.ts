import { describe, expect, it } from 'vitest';
import { LIGHT_ITEMS_SHOWN, lightMoveOf, lightsChanged, lightsIn, summariseLights, type LightChangeItem, type LightMove, type RegionLights } from './feedLights.js';
import { LIGHTS } from './lights.js';

const item = (n: number, move: LightMove): LightChangeItem => ({
  itemType: 'task',
  itemId: `t${n}`,
  code: `T${n}`,
  title: `任务${n}`,
  from: move === 'recovered' ? 'red' : 'green',
  to: move === 'recovered' ? 'green' : move,
  move,
});

describe('what a light change counts as in the feed', () => {
  it('turned red, turned yellow, done, whatever it was before', () => {
    for (const from of LIGHTS) {
      if (from !== 'red') expect(lightMoveOf(from, 'red'), from).toBe('red');
      if (from !== 'yellow') expect(lightMoveOf(from, 'yellow'), from).toBe('yellow');
      if (from !== 'done') expect(lightMoveOf(from, 'done'), from).toBe('done');
    }
  });

  it('recovered only to green from red or yellow: a start or a reopened item has not recovered', () => {
    expect(lightMoveOf('red', 'green')).toBe('recovered');
    expect(lightMoveOf('yellow', 'green')).toBe('recovered');
    expect(lightMoveOf('not_started', 'green')).toBeNull();
    expect(lightMoveOf('done', 'green')).toBeNull();
    expect(lightMoveOf('green', 'not_started')).toBeNull();
    for (const l of LIGHTS) expect(lightMoveOf(l, l), l).toBeNull();
  });
});

describe('a step’s light summary', () => {
  it('adds the counts by move, the changes that are none of them as other', () => {
    const s = summariseLights(
      [
        { move: 'red', n: 3 },
        { move: 'recovered', n: 1 },
        { move: null, n: 2 },
      ],
      [],
    );
    expect(s).toEqual({ red: 3, yellow: 0, recovered: 1, done: 0, other: 2, items: [] });
    expect(lightsChanged(s)).toBe(6);
  });

  it('names the worst items first, keeping their order within a move, and at most a few', () => {
    const given = [item(1, 'done'), item(2, 'recovered'), item(3, 'red'), item(4, 'yellow'), item(5, 'red'), item(6, 'recovered')];
    const s = summariseLights([], given);
    expect(s.items.map((i) => i.itemId)).toEqual(['t3', 't5', 't4', 't2', 't6']);
    expect(s.items).toHaveLength(LIGHT_ITEMS_SHOWN);
    // A start (not started → green) is named after every move.
    const started = { ...item(7, 'done'), from: 'not_started' as const, to: 'green' as const, move: 'other' as const };
    expect(summariseLights([], [started, item(1, 'done')]).items.map((i) => i.itemId)).toEqual(['t1', 't7']);
  });
});

describe('a transaction’s lights as a region’s reader sees them', () => {
  // The midnight run changed lights in two districts: each change's place in the transaction is its n.
  const part = (regionId: string, counts: [LightMove, number][], ns: [number, LightMove][]): RegionLights => ({
    regionId,
    counts: counts.map(([move, n]) => ({ move, n })),
    items: ns.map(([n, move]) => ({ ...item(n, move), order: n })),
  });
  const parts = [part('A', [['red', 2], ['done', 1]], [[1, 'red'], [4, 'red'], [2, 'done']]), part('B', [['red', 1], ['yellow', 1]], [[3, 'red'], [5, 'yellow']])];

  it('counts and names only the changes of the reader’s regions', () => {
    const a = lightsIn(parts, ['A'])!;
    expect([a.red, a.yellow, a.done]).toEqual([2, 0, 1]);
    expect(a.items.map((i) => i.itemId)).toEqual(['t1', 't4', 't2']);
    expect(lightsIn(parts, ['C'])).toBeNull();
    expect(lightsIn(null, 'all')).toBeNull();
  });

  it('merges the regions under a city in the transaction’s order, worst first', () => {
    const city = lightsIn(parts, ['X', 'A', 'B'])!;
    expect([city.red, city.yellow, city.done]).toEqual([3, 1, 1]);
    expect(city.items.map((i) => i.itemId)).toEqual(['t1', 't3', 't4', 't5', 't2']);
    expect(lightsIn(parts, 'all')).toEqual(city);
    expect(city.items[0]).not.toHaveProperty('order');
  });
});
