import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { characterClasses, commonPasswordForms, passwordProblems } from './password.js';
import { DEFAULT_SECURITY_POLICY as P } from './securityPolicy.js';

describe('password policy', () => {
  it('accepts 8 characters from 3 classes', () => {
    expect(passwordProblems('Abcdefg1', 'liaison', P)).toEqual([]);
    expect(passwordProblems('abcdef1!', 'liaison', P)).toEqual([]);
  });
  it('names every problem', () => {
    expect(passwordProblems('Ab1', 'x', P)).toEqual(['too_short']);
    expect(passwordProblems('abcdefgh', 'x', P)).toEqual(['too_few_classes']);
    expect(passwordProblems('Liaison1', 'liaison1', P)).toEqual(['equals_account']);
  });
  it('counts Chinese characters as a symbol class', () => {
    expect(characterClasses('推进abc1')).toBe(3);
  });
  it('never accepts a password shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 7 }), (pw) => {
        expect(passwordProblems(pw, 'acc', P)).toContain('too_short');
      }),
    );
  });
  it('looks up a password as typed, without symbols at its ends, and with look-alikes read back as letters', () => {
    expect(commonPasswordForms('P@$$w0rd!')).toEqual(expect.arrayContaining(['p@$$w0rd!', 'p@$$w0rd', 'passwordi', 'password']));
    expect(commonPasswordForms('Qwerty123')).toContain('qwerty123');
    expect(commonPasswordForms('!!!')).toEqual(['!!!', 'iii']);
  });
  it('names a common password only when given a list, so the web checklist (which has none) is unchanged', () => {
    const list = new Set(['password1', 'qwerty123']);
    expect(passwordProblems('Password1!', 'x', P, (f) => list.has(f))).toEqual(['common']);
    expect(passwordProblems('Qwerty123', 'x', P, (f) => list.has(f))).toEqual(['common']);
    expect(passwordProblems('Password1!', 'x', P)).toEqual([]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (pw) => {
        // Every form is lower case: the lists are.
        for (const f of commonPasswordForms(pw)) expect(f).toBe(f.toLowerCase());
      }),
    );
  });
});
