/**
 * 行政区 nesting: province → city → district. A district is the tenant whose work the system runs;
 * a province or city sees the districts under it. Pure rules, shared by the server (saving a region,
 * an actor's scope) and the admin form.
 */
export const REGION_KINDS = ['province', 'city', 'district'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The kinds a region of each kind may sit under: a city under a province; a district under a city, or a province directly (省直管县). */
export const ALLOWED_PARENT_KINDS: Record<RegionKind, readonly RegionKind[]> = {
  province: [],
  city: ['province'],
  district: ['city', 'province'],
};

export interface RegionNode {
  id: string;
  parentId: string | null;
  kind: RegionKind;
}

/** Regions by id, built once for the walks below. */
const byId = (regions: readonly RegionNode[]) => new Map(regions.map((r) => [r.id, r]));

/** The region and every region under it, at any depth (the region's own id first). A cycle in stored data does not loop. */
export function subtree(regions: readonly RegionNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    for (const c of children.get(queue[i]!) ?? []) {
      if (!seen.has(c)) {
        seen.add(c);
        queue.push(c);
      }
    }
  }
  return queue;
}

/** The regions above this one, nearest first (its parent, its parent's parent…). Stops at a cycle. */
export function ancestors(regions: readonly RegionNode[], id: string): string[] {
  const map = byId(regions);
  const out: string[] = [];
  const seen = new Set([id]);
  for (let p = map.get(id)?.parentId ?? null; p && !seen.has(p); p = map.get(p)?.parentId ?? null) {
    seen.add(p);
    out.push(p);
  }
  return out;
}

export type PlacementProblem =
  | { field: 'parentId'; code: 'region_own_ancestor' }
  | { field: 'parentId'; code: 'region_parent_missing' }
  | { field: 'parentId'; code: 'region_top_reserved' }
  | { field: 'parentId'; code: 'region_parent_kind'; kind: RegionKind; parentKind: RegionKind }
  | { field: 'kind'; code: 'region_child_kind'; kind: RegionKind; childKind: RegionKind };

/**
 * Whether `region` (its new parent and kind) may be stored among `regions` (the others as they are
 * now; its own old row is replaced): its parent exists, it is not its own ancestor, its parent's
 * kind is allowed for its kind, and the regions directly under it still may sit under its new kind.
 */
export function placementProblem(regions: readonly RegionNode[], region: RegionNode): PlacementProblem | null {
  const others = regions.filter((r) => r.id !== region.id);
  const all = [...others, region];
  const map = byId(all);
  const parent = region.parentId ? map.get(region.parentId) : null;
  if (region.parentId && !parent) return { field: 'parentId', code: 'region_parent_missing' };
  if (region.parentId === region.id || (region.parentId && ancestors(all, region.parentId).includes(region.id))) {
    return { field: 'parentId', code: 'region_own_ancestor' };
  }
  // Any kind may stand at the top: a deployment for one district or one city has nothing above it.
  if (parent && !ALLOWED_PARENT_KINDS[region.kind].includes(parent.kind)) {
    return { field: 'parentId', code: 'region_parent_kind', kind: region.kind, parentKind: parent.kind };
  }
  for (const child of others.filter((r) => r.parentId === region.id)) {
    if (!ALLOWED_PARENT_KINDS[child.kind].includes(region.kind)) return { field: 'kind', code: 'region_child_kind', kind: region.kind, childKind: child.kind };
  }
  return null;
}

/**
 * Whether an actor whose own region is `ownRegionId` may leave `region` at the top of the tree (no
 * parent). Only a deployment's operator may: one whose own region stands at the top itself. A
 * city's or district's administrator would put the region outside its own scope (it could not even
 * see it after), so a new top of the tree, or a move to the top, is refused to them. An actor with no
 * region of its own (a job, the demo loader) is not asked.
 */
export function topProblem(regions: readonly RegionNode[], ownRegionId: string | null, region: RegionNode): PlacementProblem | null {
  if (region.parentId !== null || ownRegionId === null) return null;
  const own = regions.find((r) => r.id === ownRegionId);
  return own?.parentId ? { field: 'parentId', code: 'region_top_reserved' } : null;
}
