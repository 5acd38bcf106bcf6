import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeUnstorable, findUnstorable, isStorableText, wellFormedText } from './storableText.js';

describe('storable text', () => {
  it('keeps ordinary text, line breaks, tabs, emoji and every CJK character', () => {
    for (const s of ['建设街道', 'a\tb\r\nc', '完成率 98.5%', '👍🏽 家', '𠀀𪚥', '']) expect(isStorableText(s), JSON.stringify(s)).toBe(true);
  });
  it('refuses NUL, other control characters, lone surrogates and bidi controls', () => {
    for (const s of ['\u0000', 'x\u0007', '\u001b[31m', 'x\ud800', '\udc00x', 'a\ud83d', 'invoice\u202efdp.exe', '\u2066x\u2069']) {
      expect(isStorableText(s), JSON.stringify(s)).toBe(false);
    }
  });
  it('names the first bad field or key by its dotted path', () => {
    expect(findUnstorable({ a: 'ok', b: [{ c: 'x\ud800' }] })).toBe('b.0.c');
    expect(findUnstorable({ ['\u0000__proto__']: 1 })).toBe('\\u0000__proto__');
    expect(findUnstorable('x\u0000', 'query')).toBe('query');
    expect(findUnstorable({ a: 1, b: null, c: ['ok'] })).toBeUndefined();
  });
  it('walks a body nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findUnstorable(deep)?.split('.').length).toBe(100_000);
  });
  it('makes any string well formed: what JSON.stringify then writes, PostgreSQL json parses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const w = wellFormedText(s);
        expect(w.length).toBe(s.length);
        expect(JSON.stringify(w)).not.toMatch(/\\u(d[89ab]|d[c-f])[0-9a-f]{2}|\\u0000/i);
        if (!s.includes('\u0000') && isStorableText(s)) expect(w).toBe(s);
      }),
    );
  });
  it('writes bad characters as escapes for a message', () => expect(escapeUnstorable('a\u202eb\ud800')).toBe('a\\u202eb\\ud800'));
});
