import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffType } from './fileMagic.js';

describe('file types by their first bytes', () => {
  it('tells PNG, JPEG, PDF and WebP apart and nothing else', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffType(enc('%PDF-1.4'))).toBe('application/pdf');
    expect(sniffType(enc('RIFF1234WEBPVP8L'))).toBe('image/webp');
    for (const other of ['RIFF1234WAVEfmt ', 'PK\x03\x04', 'GIF89a', '<svg', ' %PDF-1.4', '']) expect(sniffType(enc(other)), other).toBeUndefined();
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 32 }), (b) => void sniffType(b)));
  });
});
