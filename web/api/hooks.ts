import { useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../domain/enums.js';
import { listBodies, listRegions, listUnits } from './org.js';
import { qk } from './queryKeys.js';


export const useRegions = () => useQuery({ queryKey: qk.regions.all, queryFn: listRegions });

export const useUnits = (filter: { kind?: UnitKind | undefined; q?: string | undefined } = {}) =>
  useQuery({ queryKey: qk.units.list(filter), queryFn: () => listUnits(filter) });

export const useBodies = () => useQuery({ queryKey: qk.bodies.all, queryFn: listBodies });
