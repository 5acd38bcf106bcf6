import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { characterClasses, passwordProblems } from './password.js';
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
});
