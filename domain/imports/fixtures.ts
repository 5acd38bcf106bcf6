import type { UnitRef } from './units.js';

/**
 * A district's units as the import tests match against: the demo district's kinds and names
 * (demo/org.ts), ids made up. Shared by the domain tests; the API tests use the database's.
 */
export const TEST_UNITS: UnitRef[] = [
  ['drc', '区发展和改革局', 'department'],
  ['industry', '区工业和信息化局', 'department'],
  ['housing', '区住房和城乡建设局', 'department'],
  ['finance', '区财政局', 'department'],
  ['commerce', '区商务局', 'department'],
  ['ecology', '市生态环境局双台子分局', 'department'],
  ['jianshe', '建设街道', 'subdistrict'],
  ['hongqi', '红旗街道', 'subdistrict'],
  ['lujia', '陆家镇', 'town'],
  ['chem_park', '盘锦精细化工产业开发区管委会', 'park'],
].map(([code, name, kind], i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, code: code!, name: name!, kind: kind as UnitRef['kind'] }));

/** The id of a test unit by its code. */
export const unitId = (code: string): string => TEST_UNITS.find((u) => u.code === code)!.id;
