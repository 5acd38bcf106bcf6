import { describe, expect, it } from 'vitest';
import { cacheableApiPath } from './swRules.js';

describe('the reads the service worker keeps for offline use', () => {
  it('keeps who is signed in, the unit workbench, report lists and briefs, and item heads', () => {
    for (const p of ['/api/me', '/api/workbench/unit', '/api/reports', '/api/reports/brief', '/api/tasks/0b7c1c1e-5f7a-4a8e-9c1d-2f3e4a5b6c7d']) expect(cacheableApiPath(p), p).toBe(true);
  });
  it('keeps nothing else: writes’ paths, other lists, files, streams', () => {
    for (const p of ['/api/tasks', '/api/evidence/abc', '/api/feed/stream', '/api/workbench/hq', '/api/reports/0b7c1c1e-5f7a-4a8e-9c1d-2f3e4a5b6c7d', '/api/me/extra', '/sw.js'])
      expect(cacheableApiPath(p), p).toBe(false);
  });
});
