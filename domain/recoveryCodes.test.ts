import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, isRecoveryCodeShape, normaliseRecoveryCode } from './recoveryCodes.js';

describe('recovery codes (issue 17 item 16)', () => {
  it('accept the code however it is typed', () => {
    for (const typed of ['abcd-efgh-jkmn', 'ABCD EFGH JKMN', ' abcdefghjkmn ', 'abcd–efgh—jkmn']) expect(normaliseRecoveryCode(typed)).toBe('abcdefghjkmn');
    expect(isRecoveryCodeShape('abcdefghjkmn')).toBe(true);
    expect(formatRecoveryCode('abcdefghjkmn')).toBe('abcd-efgh-jkmn');
  });
  it('tell a six-digit TOTP code or junk from a recovery code', () => {
    for (const bad of ['123456', 'abcdefghjkm', 'abcdefghjkmno', 'abcdefghjkm0', 'abcdefghjkml']) expect(isRecoveryCodeShape(normaliseRecoveryCode(bad))).toBe(false);
  });
});
