import type { z } from 'zod';
import type { UnitKind } from '../../domain/enums.js';
import type {
  BodyCreate,
  BodyMemberCreate,
  BodyUpdate,
  RegionCreate,
  RegionUpdate,
  UnitCreate,
  UnitUpdate,
} from '../../domain/schemas/org.js';
import { api } from './client.js';
import type { Body, BodyMember, Item, List, Region, Unit } from './types.js';

export type RegionCreateInput = z.input<typeof RegionCreate>;
export type RegionUpdateInput = z.input<typeof RegionUpdate>;
export type UnitCreateInput = z.input<typeof UnitCreate>;
export type UnitUpdateInput = z.input<typeof UnitUpdate>;
export type BodyCreateInput = z.input<typeof BodyCreate>;
export type BodyUpdateInput = z.input<typeof BodyUpdate>;
export type BodyMemberInput = z.input<typeof BodyMemberCreate>;

export const listRegions = () => api<List<Region>>('/regions');
export const createRegion = (input: RegionCreateInput) => api<Item<Region>>('/regions', { method: 'POST', body: input });
export const updateRegion = (id: string, input: RegionUpdateInput) => api<Item<Region>>(`/regions/${id}`, { method: 'PATCH', body: input });

export const listUnits = (filter: { kind?: UnitKind | undefined; q?: string | undefined } = {}) => api<List<Unit>>('/units', { query: filter });
export const getUnit = (id: string) => api<Item<Unit>>(`/units/${id}`);
export const createUnit = (input: UnitCreateInput) => api<Item<Unit>>('/units', { method: 'POST', body: input });
export const updateUnit = (id: string, input: UnitUpdateInput) => api<Item<Unit>>(`/units/${id}`, { method: 'PATCH', body: input });

export const listBodies = () => api<List<Body>>('/bodies');
export const getBody = (id: string) => api<Item<Body>>(`/bodies/${id}`);
export const createBody = (input: BodyCreateInput) => api<Item<Body>>('/bodies', { method: 'POST', body: input });
export const updateBody = (id: string, input: BodyUpdateInput) => api<Item<Body>>(`/bodies/${id}`, { method: 'PATCH', body: input });
export const addBodyMember = (id: string, input: BodyMemberInput) => api<Item<BodyMember>>(`/bodies/${id}/members`, { method: 'POST', body: input });
export const removeBodyMember = (id: string, memberId: string) => api<unknown>(`/bodies/${id}/members/${memberId}`, { method: 'DELETE' });
