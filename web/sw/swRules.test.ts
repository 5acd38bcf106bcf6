import { describe, expect, it } from 'vitest';
import { cacheableApiPath, bodyDigest, holdHeadLinks, snapshotCurrent, snapshotFits, withSnapshot } from './swRules.js';

describe('the reads the service worker keeps for offline use', () => {
  it('keeps who is signed in, the unit workbench, report lists and briefs, and item heads', () => {
    for (const p of ['/api/me', '/api/workbench/unit', '/api/reports', '/api/reports/brief', '/api/tasks/0b7c1c1e-5f7a-4a8e-9c1d-2f3e4a5b6c7d']) expect(cacheableApiPath(p), p).toBe(true);
  });
  it('keeps nothing else: writes’ paths, other lists, files, streams', () => {
    for (const p of ['/api/tasks', '/api/evidence/abc', '/api/feed/stream', '/api/workbench/hq', '/api/reports/0b7c1c1e-5f7a-4a8e-9c1d-2f3e4a5b6c7d', '/api/me/extra', '/sw.js'])
      expect(cacheableApiPath(p), p).toBe(false);
  });
});

describe('the kept first screen (the workbench as last drawn)', () => {
  it('is shown only while the kept read says what the one it was drawn from said, whenever it was kept', async () => {
    const drawnFrom = await bodyDigest('{"data":{"toReport":[{"itemId":"a"}]}}');
    // The same answer read again later (kept with a new time): still the same screen.
    expect(snapshotCurrent(drawnFrom, await bodyDigest('{"data":{"toReport":[{"itemId":"a"}]}}'))).toBe(true);
    // A different answer was kept since (the page has not drawn it yet), or none is kept (logout, a 401).
    expect(snapshotCurrent(drawnFrom, await bodyDigest('{"data":{"toReport":[]}}'))).toBe(false);
    expect(snapshotCurrent(drawnFrom, null)).toBe(false);
    expect(snapshotCurrent(null, null)).toBe(false);
    expect(drawnFrom).toMatch(/^[0-9a-f]{64}$/);
  });
  it('is shown only by the build that drew it (after an update its classes may mean something else)', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="/assets/index-BiqZOOGf.css"></head>';
    expect(snapshotFits(html, '/assets/index-BiqZOOGf.css')).toBe(true);
    expect(snapshotFits(html, '/assets/index-jIxqshOQ.css')).toBe(false);
    expect(snapshotFits(html, null)).toBe(false);
    expect(snapshotFits(html, '')).toBe(false);
  });
  it('is drawn before the app’s root, which the app still boots into', () => {
    const html = '<html><body><div id="root"></div><script type="module" src="/assets/i.js"></script></body></html>';
    expect(withSnapshot(html, '<p>待报送</p>')).toBe('<html><body><div id="tj-snapshot"><p>待报送</p></div><div id="root"></div><script type="module" src="/assets/i.js"></script></body></html>');
    expect(withSnapshot('<html><body></body></html>', '<p>x</p>')).toBeNull();
  });
  it('holds the build’s stylesheet and the app’s modulepreloads back (not fetched) when it carries its own rules', () => {
    const head =
      '<head><script type="module" crossorigin src="/assets/index-B8.js"></script><link rel="modulepreload" crossorigin href="/assets/boot-Dg.js">' +
      '<link rel="stylesheet" crossorigin href="/assets/index-BiqZOOGf.css"><link rel="stylesheet" href="/assets/other.css"><link rel="manifest" href="/manifest.webmanifest"></head>';
    expect(holdHeadLinks(head, '/assets/index-BiqZOOGf.css')).toBe(
      '<head><script type="module" crossorigin src="/assets/index-B8.js"></script><link rel="tj-held" data-tj-late="modulepreload" crossorigin href="/assets/boot-Dg.js">' +
        '<link rel="tj-held" data-tj-late="stylesheet" crossorigin href="/assets/index-BiqZOOGf.css"><link rel="stylesheet" href="/assets/other.css"><link rel="manifest" href="/manifest.webmanifest"></head>',
    );
  });
});
