import { useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../domain/enums.js';
import { listBodies, listRegions, listUnits } from './org.js';

/** Query keys by resource, so a change invalidates every list of that resource. */
export const KEYS = {
  regions: ['regions'] as const,
  units: ['units'] as const,
  bodies: ['bodies'] as const,
  users: ['users'] as const,
  securityPolicy: ['security-policy'] as const,
  audit: ['audit'] as const,
};

export const useRegions = () => useQuery({ queryKey: KEYS.regions, queryFn: listRegions });

export const useUnits = (filter: { kind?: UnitKind | undefined; q?: string | undefined } = {}) =>
  useQuery({ queryKey: [...KEYS.units, filter], queryFn: () => listUnits(filter) });

export const useBodies = () => useQuery({ queryKey: KEYS.bodies, queryFn: listBodies });
