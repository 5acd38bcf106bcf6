import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentName, COMPLAINT_FILE_TYPES, complaintFileType, complaintCaseTitle, complaintStatus, formatTrackingCode, isContact, isTrackingCodeShape, makeTrackingCode, normaliseTrackingCode, TRACKING_ALPHABET } from './complaints.js';
import { CASE_STATUSES } from './oversight.js';

describe('a complaint’s public status', () => {
  it('follows its case: received, handling while verified or handled, closed; replied once a public reply exists', () => {
    expect(CASE_STATUSES.map((s) => complaintStatus(s, false))).toEqual(['received', 'handling', 'handling', 'closed']);
    expect(CASE_STATUSES.map((s) => complaintStatus(s, true))).toEqual(['replied', 'replied', 'replied', 'replied']);
  });
});

describe('tracking codes', () => {
  it('are 12 symbols of an alphabet with no 0/o, 1/l/i, shown in fours and read back however typed', () => {
    expect(TRACKING_ALPHABET).not.toMatch(/[01oli]/);
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = makeTrackingCode(randomInt);
        expect(code).toMatch(/^[a-z2-9]{12}$/);
        expect(isTrackingCodeShape(code)).toBe(true);
        const shown = formatTrackingCode(code);
        expect(shown).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
        expect(normaliseTrackingCode(` ${shown.toUpperCase()} `)).toBe(code);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what could not be one', () => {
    for (const bad of ['', 'abcd', 'abcd-efgh-jkm0', 'abcdefghjkmnp', 'ABCD-EFGH-JKM1']) expect(isTrackingCodeShape(normaliseTrackingCode(bad))).toBe(false);
  });

  it('draws each symbol from the whole alphabet', () => {
    let n = 0;
    const seen = makeTrackingCode(() => n++ % TRACKING_ALPHABET.length);
    expect(seen).toBe(TRACKING_ALPHABET.slice(0, 12));
  });
});

describe('complaint facts', () => {
  it('titles the case by enterprise and environment', () => {
    expect(complaintCaseTitle('辽河新材料有限公司', 'government_service')).toBe('辽河新材料有限公司反映政务环境问题（营商环境投诉）');
    expect(complaintCaseTitle('企'.repeat(100), 'credit').length).toBeLessThanOrEqual(200);
  });

  it('takes a phone number or an e-mail address as the contact', () => {
    for (const ok of ['13800138000', '0427-5801234', '+86 (427) 580 1234', 'wang@example.cn']) expect(isContact(ok), ok).toBe(true);
    for (const bad of ['1234', '电话', 'wang@', '<script>', '1'.repeat(21)]) expect(isContact(bad), bad).toBe(false);
  });
});

describe('a complaint’s files', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
  const html = new TextEncoder().encode('<html><script>alert(1)</script>');
  const exe = new TextEncoder().encode('MZ\x90\0');

  it('are photos (JPEG, PNG) or PDF by their bytes, whatever they are called', () => {
    expect([png, jpeg, pdf].map(complaintFileType)).toEqual(['image/png', 'image/jpeg', 'application/pdf']);
    // WebP is evidence's, not a complaint's; markup, executables, nothing at all are refused.
    expect([webp, html, exe, new Uint8Array(), Uint8Array.from([0xff, 0xd8])].map(complaintFileType)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('are named with the extension of what they are', () => {
    expect(attachmentName('现场照片.jpg', 'image/jpeg')).toBe('现场照片.jpg');
    expect(attachmentName('IMG_0001.JPEG', 'image/jpeg')).toBe('IMG_0001.JPEG');
    expect(attachmentName('举报信.PDF', 'application/pdf')).toBe('举报信.PDF');
    expect(attachmentName('报告.pdf', 'image/jpeg')).toBe('报告.pdf.jpg');
    expect(attachmentName('photo', 'image/png')).toBe('photo.png');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...(Object.keys(COMPLAINT_FILE_TYPES) as (keyof typeof COMPLAINT_FILE_TYPES)[])), (name, type) => {
        const ext = attachmentName(name, type).split('.').pop()!.toLowerCase();
        expect(ext === COMPLAINT_FILE_TYPES[type] || (type === 'image/jpeg' && ext === 'jpeg')).toBe(true);
      }),
    );
  });
});
