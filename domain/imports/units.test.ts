import { describe, expect, it } from 'vitest';
import { TEST_UNITS, unitId } from './fixtures.js';
import { isSubsequence, splitUnitCell, splitUnitList, unitMatcher } from './units.js';

const match = unitMatcher(TEST_UNITS);

describe('unit lists', () => {
  it('splits on 、，；, slashes and line breaks', () => {
    expect(splitUnitList('区发改局、区财政局，区商务局；建设街道\n陆家镇/红旗街道')).toEqual(['区发改局', '区财政局', '区商务局', '建设街道', '陆家镇', '红旗街道']);
    expect(splitUnitList('区财政局及各街镇')).toEqual(['区财政局', '各街镇']);
    expect(splitUnitList('区发改局（牵头）、区财政局等')).toEqual(['区发改局', '区财政局']);
  });
  it('reads labels in one cell', () => {
    expect(splitUnitCell('牵头单位：区发改局；配合单位：各街镇、区财政局')).toEqual({ lead: ['区发改局'], support: ['各街镇', '区财政局'], plain: [] });
    expect(splitUnitCell('责任单位：区商务局')).toEqual({ lead: ['区商务局'], support: [], plain: [] });
  });
  it('reads 牵头/配合 sentences and （牵头） marks', () => {
    expect(splitUnitCell('由区发改局牵头，各街镇配合')).toEqual({ lead: ['区发改局'], support: ['各街镇'], plain: [] });
    expect(splitUnitCell('区财政局、区发改局（牵头）')).toEqual({ lead: ['区发改局'], support: ['区财政局'], plain: [] });
  });
  it('leaves a plain list to the caller', () => {
    expect(splitUnitCell('区发改局、区财政局')).toEqual({ lead: [], support: [], plain: ['区发改局', '区财政局'] });
  });
});

describe('matching names to units', () => {
  it('matches exactly by name or code, with or without 区', () => {
    expect(match('区财政局')).toMatchObject({ how: 'exact', units: [{ unitId: unitId('finance') }] });
    expect(match('财政局')).toMatchObject({ how: 'exact', units: [{ unitId: unitId('finance') }] });
    expect(match('drc')).toMatchObject({ how: 'exact', units: [{ unitId: unitId('drc') }] });
  });
  it('matches the common abbreviations, and says so', () => {
    expect(match('区发改局')).toMatchObject({ how: 'abbreviation', units: [{ name: '区发展和改革局' }] });
    expect(match('区住建局')).toMatchObject({ how: 'abbreviation', units: [{ name: '区住房和城乡建设局' }] });
    expect(match('工信局')).toMatchObject({ how: 'abbreviation', units: [{ name: '区工业和信息化局' }] });
  });
  it('expands group words to every unit of the kind', () => {
    const m = match('各街镇');
    expect(m.how).toBe('group');
    expect(m.units.map((u) => u.name).sort()).toEqual(['建设街道', '红旗街道', '陆家镇'].sort());
    expect(match('各街道').units).toHaveLength(2);
    expect(match('各园区').units.map((u) => u.name)).toEqual(['盘锦精细化工产业开发区管委会']);
  });
  it('keeps vague words as vague', () => {
    expect(match('有关单位').how).toBe('vague');
    expect(match('各相关部门').how).toBe('vague');
  });
  it('suggests near misses and matches nothing else', () => {
    const m = match('区发展改革局');
    expect(m.how).toBe('none');
    expect(m.suggestions[0]).toEqual({ unitId: unitId('drc'), name: '区发展和改革局' });
    expect(match('建设街').suggestions[0]!.name).toBe('建设街道');
    expect(match('化工园区管委会').suggestions[0]!.name).toBe('盘锦精细化工产业开发区管委会');
    expect(match('区教育局').suggestions.every((s) => s.name !== '区教育局')).toBe(true);
  });
  it('sees a character subsequence', () => {
    expect(isSubsequence('发改局', '区发展和改革局')).toBe(true);
    expect(isSubsequence('改发局', '区发展和改革局')).toBe(false);
  });
});
