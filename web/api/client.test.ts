import { describe, expect, it } from 'vitest';
import { apiUrl } from './client.js';
import { translate } from '../i18n/translate.js';
import { messages } from '../i18n/messages/index.js';

describe('apiUrl', () => {
  it('prefixes /api and leaves out empty parameters', () => {
    expect(apiUrl('/users', { page: 1, q: '', unitId: undefined, role: null })).toBe('/api/users?page=1');
    expect(apiUrl('/me')).toBe('/api/me');
    expect(apiUrl('/units', { q: '街道 & 镇' })).toBe('/api/units?q=%E8%A1%97%E9%81%93+%26+%E9%95%87');
  });
});

describe('dictionary', () => {
  it('has a non-empty text in both languages for every key', () => {
    for (const [key, [zh, en]] of Object.entries(messages)) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
    }
  });
  it('fills placeholders', () => {
    expect(translate('en-US', 'common.total', { total: 3 })).toBe('3 in all');
    expect(translate('zh-CN', 'common.total', { total: 3 })).toBe('共 3 条');
  });
});
