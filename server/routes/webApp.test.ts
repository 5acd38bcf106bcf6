import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';

/** The built web app as the server serves it: hashed assets cached for good, the page itself re-read after every deploy. */
describe('serving the web app', () => {
  let db: TestDatabase;
  let app: App;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>推进</title><script src="/assets/index-abc123.js"></script>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"推进"}');
    fs.writeFileSync(path.join(dir, 'public.html'), '<!doctype html><title>门户</title><script src="/assets/public-abc123.js"></script>');
    db = await openTestDatabase('embedded');
    app = await buildApp({ database: db.database, logLevel: 'silent', webDir: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / and at any app path without long caching, so a deploy is picked up', async () => {
    for (const url of ['/', '/work/tasks/123', '/index.html']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>推进</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the public portal’s own page at /public and its deep links, but the complaint form from the web app', async () => {
    for (const url of ['/public', '/public/', '/public/articles/123', '/public/articles/123?from=share']) {
      const res = await app.inject({ url });
      expect([res.statusCode, res.body.includes('<title>门户</title>'), res.headers['cache-control']], url).toEqual([200, true, 'no-cache']);
    }
    for (const url of ['/public/complaint', '/public/complaint/abcd-efgh-jkmn', '/publications']) {
      expect((await app.inject({ url })).body, url).toContain('<title>推进</title>');
    }
  });

  it('caches content-hashed assets for a year', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the service worker, the manifest and the icons re-read after a deploy: they keep their names', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject({ url });
      expect([res.statusCode, res.headers['cache-control']], url).toEqual([200, 'no-cache']);
    }
    expect((await app.inject({ url: '/sw.js' })).headers['content-type']).toContain('javascript');
  });

  it('answers an unknown API path with a JSON error, not the page (401 to a stranger: routes are not revealed)', async () => {
    const res = await app.inject({ url: '/api/no-such-thing' });
    expect(res.headers['content-type']).toContain('application/json');
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'unauthenticated']);
  });
});
