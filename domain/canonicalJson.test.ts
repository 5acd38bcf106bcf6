import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonicalJson.js';

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });
  it('writes dates as ISO text and drops undefined', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z'), x: undefined })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });
  it('gives the same text after a JSON round trip (as jsonb gives back)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v));
      }),
    );
  });
});

describe('canonical JSON of text PostgreSQL cannot hold', () => {
  it('is still JSON PostgreSQL parses: lone surrogates and NUL in values and keys become U+FFFD', () => {
    const text = canonicalJson({ reason: 'x\ud800', ['k\udc00']: '\u0000', ok: '👍' });
    expect(text).toBe('{"k\ufffd":"\ufffd","ok":"👍","reason":"x\ufffd"}');
    expect(JSON.parse(text)).toEqual({ 'k\ufffd': '\ufffd', ok: '👍', reason: 'x\ufffd' });
  });
});
