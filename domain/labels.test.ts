import { describe, expect, it } from 'vitest';
import { ROLES } from './enums.js';
import { codeFromLabel, ROLE_LABELS } from './labels.js';

describe('labels', () => {
  it('has a Chinese and an English label for every role', () => {
    for (const r of ROLES) {
      expect(ROLE_LABELS[r]['zh-CN']).toMatch(/[\u4e00-\u9fa5]/);
      expect(ROLE_LABELS[r]['en-US']).toMatch(/^[A-Z]/);
    }
  });
  it('finds a role from its Chinese label, English label or code', () => {
    expect(codeFromLabel(ROLE_LABELS, '联络员')).toBe('liaison');
    expect(codeFromLabel(ROLE_LABELS, 'unit head')).toBe('unit_head');
    expect(codeFromLabel(ROLE_LABELS, 'auditor')).toBe('auditor');
    expect(codeFromLabel(ROLE_LABELS, '局长')).toBeUndefined();
  });
});
