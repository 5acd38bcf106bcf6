import { rollUpCounts } from '../../../domain/lights.js';
import type { RollupGroup } from '../../models/planning.js';
import { presentCounts } from './light.js';

/** One roll-up line: the group, its worst light (domain rollUpCounts) and the counts behind it. */
export function presentRollup(g: RollupGroup) {
  const { light, counts } = rollUpCounts(presentCounts(g.lights));
  return { id: g.id, code: g.code, name: g.name, light, counts };
}
