import { describe, expect, it } from 'vitest';
import { cnNumber, labelFor, parseNumbering, parseSeqCell } from './numbering.js';
import { placeRows } from './tree.js';

const tree = (lines: string[]) => placeRows(lines.map((l) => ({ numbering: parseNumbering(l) })));
const codes = (lines: string[]) => tree(lines).map((p) => p.code);

describe('numbering', () => {
  it('reads each style a plan uses', () => {
    expect(parseNumbering('一、重点任务')).toMatchObject({ style: 'cn', path: [1], rest: '重点任务' });
    expect(parseNumbering('（十二）推进改革')).toMatchObject({ style: 'paren_cn', path: [12], rest: '推进改革' });
    expect(parseNumbering('(三)推进改革')).toMatchObject({ style: 'paren_cn', path: [3] });
    expect(parseNumbering('3.实施技改')).toMatchObject({ style: 'arabic', path: [3], rest: '实施技改' });
    expect(parseNumbering('3、实施技改')).toMatchObject({ style: 'arabic', path: [3] });
    expect(parseNumbering('（2）建立台账')).toMatchObject({ style: 'paren_arabic', path: [2] });
    expect(parseNumbering('② 建立台账')).toMatchObject({ style: 'circled', path: [2], rest: '建立台账' });
    expect(parseNumbering('1.2.3 细化举措')).toMatchObject({ style: 'dotted', path: [1, 2, 3], rest: '细化举措' });
  });
  it('does not take numbers in the text for numbering', () => {
    expect(parseNumbering('2026年6月底前完成')).toBeUndefined();
    expect(parseNumbering('1.5亿元投资')).toBeUndefined();
    expect(parseNumbering('推进一、二产业融合')).toBeUndefined();
  });
  it('reads Chinese numerals and writes labels back', () => {
    expect([cnNumber('一'), cnNumber('十'), cnNumber('十一'), cnNumber('二十'), cnNumber('九十九')]).toEqual([1, 10, 11, 20, 99]);
    expect([cnNumber('十十'), cnNumber('零'), cnNumber('一二')]).toEqual([undefined, undefined, undefined]);
    expect(labelFor('paren_cn', [2])).toBe('（二）');
    expect(labelFor('dotted', [1, 3])).toBe('1.3');
  });
  it('reads a 序号 cell: a bare number, a numeral, a dotted path', () => {
    expect(parseSeqCell('7')).toMatchObject({ style: 'plain', path: [7] });
    expect(parseSeqCell('三')).toMatchObject({ style: 'cn', path: [3] });
    expect(parseSeqCell('1.1.2')).toMatchObject({ style: 'dotted', path: [1, 1, 2] });
    expect(parseSeqCell('备注')).toBeUndefined();
  });
});

describe('the tree from numbering', () => {
  it('nests styles in the order they first appear', () => {
    const t = tree(['一、产业', '（一）工业', '1.技改', '(1)设备更新', '①补贴', '2.数字化', '（二）农业', '二、生态']);
    expect(t.map((p) => p.level)).toEqual([0, 1, 2, 3, 4, 2, 1, 0]);
    expect(t.map((p) => p.parent)).toEqual([null, 0, 1, 2, 3, 1, 0, null]);
    expect(t.map((p) => p.code)).toEqual(['1', '1.1', '1.1.1', '1.1.1.1', '1.1.1.1.1', '1.1.2', '1.2', '2']);
    expect(t.every((p) => p.issues.length === 0)).toBe(true);
  });
  it('restarts the count under each parent', () => {
    expect(tree(['一、甲', '1.a', '2.b', '二、乙', '1.c']).every((p) => p.issues.length === 0)).toBe(true);
  });
  it('reports a gap, a repeat and a number going back', () => {
    const t = tree(['一、甲', '（一）a', '（三）b', '（三）c', '（二）d']);
    expect(t[2]!.issues).toEqual([{ field: 'code', code: 'gap', params: { expected: '（二）', actual: '（三）' } }]);
    expect(t[3]!.issues[0]!.code).toBe('duplicate');
    expect(t[4]!.issues[0]!.code).toBe('duplicate');
  });
  it('reports a first number that is not 1', () => {
    expect(tree(['二、乙'])[0]!.issues[0]).toMatchObject({ code: 'gap', params: { expected: '一、' } });
  });
  it('reports a level skipped', () => {
    const t = tree(['一、甲', '（一）a', '1.x', '二、乙', '2.y']);
    expect(t[4]!.issues.map((i) => i.code)).toContain('level_skip');
    expect(t[4]!.level).toBe(1);
  });
  it('builds a dotted 序号 tree and finds orphans and repeats', () => {
    const t = placeRows(['1', '1.1', '1.2', '1.2.1', '2', '3.1', '2'].map((s) => ({ numbering: parseSeqCell(s) })));
    expect(t.slice(0, 5).map((p) => p.level)).toEqual([0, 1, 1, 2, 0]);
    expect(t[5]!.issues[0]).toMatchObject({ code: 'parent_missing', params: { parent: '3' } });
    expect(t[6]!.issues[0]!.code).toBe('duplicate');
  });
  it('keeps a flat 序号 list flat and numbers roots after the plan’s own', () => {
    const t = placeRows(['1', '2', '3'].map((s) => ({ numbering: parseSeqCell(s) })), 8);
    expect(t.map((p) => [p.level, p.code])).toEqual([
      [0, '8'],
      [0, '9'],
      [0, '10'],
    ]);
  });
  it('places an unnumbered row beside the one above, with a warning', () => {
    const t = tree(['一、甲', '（一）a', '没有编号的一行']);
    expect(t[2]).toMatchObject({ level: 1, parent: 0 });
    expect(t[2]!.issues[0]!.code).toBe('no_number');
  });
  it('codes are unique and valid task codes', () => {
    const c = codes(['一、a', '（一）b', '（二）c', '二、d', '（一）e']);
    expect(new Set(c).size).toBe(c.length);
    for (const code of c) expect(code).toMatch(/^[0-9.]+$/);
  });
});
