import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestors, placementProblem, REGION_KINDS, subtree, topProblem, type RegionNode } from './regions.js';

const P: RegionNode = { id: 'p', parentId: null, kind: 'province' };
const C1: RegionNode = { id: 'c1', parentId: 'p', kind: 'city' };
const C2: RegionNode = { id: 'c2', parentId: 'p', kind: 'city' };
const D1: RegionNode = { id: 'd1', parentId: 'c1', kind: 'district' };
const D2: RegionNode = { id: 'd2', parentId: 'c1', kind: 'district' };
const D3: RegionNode = { id: 'd3', parentId: 'c2', kind: 'district' };
const TREE = [P, C1, C2, D1, D2, D3];

describe('region nesting', () => {
  it('a region’s subtree is itself and everything under it, at any depth', () => {
    expect(subtree(TREE, 'p').sort()).toEqual(['c1', 'c2', 'd1', 'd2', 'd3', 'p']);
    expect(subtree(TREE, 'c1').sort()).toEqual(['c1', 'd1', 'd2']);
    expect(subtree(TREE, 'd3')).toEqual(['d3']);
    // A district never reaches its sibling.
    expect(subtree(TREE, 'd1')).not.toContain('d2');
  });

  it('ancestors are the regions above, nearest first', () => {
    expect(ancestors(TREE, 'd2')).toEqual(['c1', 'p']);
    expect(ancestors(TREE, 'p')).toEqual([]);
  });

  it('a stored cycle neither loops the walks nor lets a region count twice', () => {
    const cyc: RegionNode[] = [
      { id: 'a', parentId: 'b', kind: 'city' },
      { id: 'b', parentId: 'a', kind: 'city' },
    ];
    expect(subtree(cyc, 'a').sort()).toEqual(['a', 'b']);
    expect(ancestors(cyc, 'a')).toEqual(['b']);
  });

  it('refuses a region under itself or under its own descendant', () => {
    expect(placementProblem(TREE, { ...P, parentId: 'p' })).toEqual({ field: 'parentId', code: 'region_own_ancestor' });
    expect(placementProblem(TREE, { ...C1, parentId: 'd1', kind: 'city' })).toEqual({ field: 'parentId', code: 'region_own_ancestor' });
    expect(placementProblem(TREE, { ...C1, parentId: 'nope' })).toEqual({ field: 'parentId', code: 'region_parent_missing' });
  });

  it('allows a city under a province, a district under a city or a province, anything at the top', () => {
    expect(placementProblem(TREE, { id: 'n', parentId: 'p', kind: 'city' })).toBeNull();
    expect(placementProblem(TREE, { id: 'n', parentId: 'c2', kind: 'district' })).toBeNull();
    expect(placementProblem(TREE, { id: 'n', parentId: 'p', kind: 'district' })).toBeNull();
    for (const kind of REGION_KINDS) expect(placementProblem(TREE, { id: 'n', parentId: null, kind })).toBeNull();
  });

  it('refuses a kind above one it may not hold: a city under a district, a province under anything', () => {
    expect(placementProblem(TREE, { id: 'n', parentId: 'd1', kind: 'city' })).toEqual({ field: 'parentId', code: 'region_parent_kind', kind: 'city', parentKind: 'district' });
    expect(placementProblem(TREE, { id: 'n', parentId: 'c1', kind: 'province' })?.code).toBe('region_parent_kind');
    expect(placementProblem(TREE, { id: 'n', parentId: 'd1', kind: 'district' })?.code).toBe('region_parent_kind');
    // Turning a city with districts under it into a district would put a district above a district.
    expect(placementProblem(TREE, { ...C1, kind: 'district' })).toEqual({ field: 'kind', code: 'region_child_kind', kind: 'district', childKind: 'district' });
  });

  it('keeps the top of the tree to the operator whose own region stands there', () => {
    const top: RegionNode = { id: 'n', parentId: null, kind: 'district' };
    // A district's or a city's administrator: a new top, or a move to the top, would leave its scope.
    expect(topProblem(TREE, 'd1', top)).toEqual({ field: 'parentId', code: 'region_top_reserved' });
    expect(topProblem(TREE, 'c1', { ...D1, parentId: null })).toEqual({ field: 'parentId', code: 'region_top_reserved' });
    // The province's may; and anyone may place a region under a parent (its scope is checked apart).
    expect(topProblem(TREE, 'p', top)).toBeNull();
    expect(topProblem(TREE, 'd1', { ...top, parentId: 'd1' })).toBeNull();
    // A job or the demo loader has no region of its own.
    expect(topProblem(TREE, null, top)).toBeNull();
  });

  it('whatever is accepted keeps the tree acyclic: no region is its own ancestor', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const node = fc.record({ id: fc.constantFrom(...ids), parentId: fc.option(fc.constantFrom(...ids), { nil: null }), kind: fc.constantFrom(...REGION_KINDS) });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 12 }), (moves) => {
        let tree: RegionNode[] = [];
        for (const m of moves) if (!placementProblem(tree, m)) tree = [...tree.filter((r) => r.id !== m.id), m];
        // Walking up by parent ids reaches the top within as many steps as there are regions.
        for (const r of tree) {
          let at: RegionNode | undefined = r;
          for (let i = 0; at?.parentId && i <= tree.length; i++) at = tree.find((x) => x.id === at!.parentId);
          expect(at?.parentId ?? null).toBeNull();
        }
        for (const r of tree) if (r.parentId) expect(tree.find((x) => x.id === r.parentId)).toBeDefined();
      }),
    );
  });
});
