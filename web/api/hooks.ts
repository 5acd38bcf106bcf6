import { useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../domain/enums.js';
import { listBodies, listRegions, listUnits } from './org.js';
import { qk } from './queryKeys.js';


/** `enabled`: false leaves the list unread (a page that needs it only for some readers). */
export const useRegions = (enabled = true) => useQuery({ queryKey: qk.regions.all, queryFn: listRegions, enabled });

export const useUnits = (filter: { kind?: UnitKind | undefined; q?: string | undefined } = {}) =>
  useQuery({ queryKey: qk.units.list(filter), queryFn: () => listUnits(filter) });

export const useBodies = () => useQuery({ queryKey: qk.bodies.all, queryFn: listBodies });
