// The backup's age where an operator looks (issue 25 item 4): /metrics for Prometheus, and the
// sysadmin's system status (工作台 → 系统状态), which no other role may read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName, checksumFileOf } from '../db/backup/manifest.js';
import { recordJobRun } from '../jobs/jobHealth.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

const ageOnMetrics = async (h: Harness) => {
  const line = (await h.app.inject({ url: '/metrics' })).body.split('\n').find((l) => l.startsWith('tuijin_backup_age_seconds '));
  return line?.slice(line.lastIndexOf(' ') + 1);
};

describe.each(DATABASE_KINDS)('backup age on %s', (kind) => {
  let h: Harness;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-status-'));
  beforeAll(async () => {
    h = await startHarness(kind, { backupDir: dir });
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says there is no backup, then how old the newest complete one is; only to the sysadmin', async () => {
    const sysadmin = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    const status = async () => (await send(h.app, { method: 'GET', url: '/api/system/status' }, sysadmin)).json();
    expect(await ageOnMetrics(h)).toBe('+Inf');
    expect((await status()).backup).toEqual({ latestAt: null, ageSeconds: null, bytes: null, count: 0 });

    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const file = path.join(dir, backupFileName(twoHoursAgo));
    fs.writeFileSync(file, Buffer.alloc(1000));
    // Without its checksum file a backup is unfinished: not counted.
    expect(await ageOnMetrics(h)).toBe('+Inf');
    fs.writeFileSync(checksumFileOf(file), 'x');
    expect(Number(await ageOnMetrics(h))).toBeGreaterThanOrEqual(7200);
    expect(Number(await ageOnMetrics(h))).toBeLessThan(7300);
    const s = await status();
    expect(s.backup).toMatchObject({ latestAt: twoHoursAgo.toISOString(), bytes: 1000, count: 1 });
    expect(s.database).toBe('ok');

    recordJobRun(h.db.database, 'backup', Date.now(), new Error('disk full'));
    expect((await status()).jobs.find((j: { name: string }) => j.name === 'backup')).toMatchObject({ failing: true, lastError: 'disk full' });

    for (const role of ['hq_office', 'secadmin', 'auditor', 'leader'] as const) {
      const other = await loginAs(h.app, await makeUser(h.db.database, [{ role }]));
      expect((await send(h.app, { method: 'GET', url: '/api/system/status' }, other)).statusCode).toBe(403);
    }
    expect((await h.app.inject({ url: '/api/system/status' })).statusCode).toBe(401);
  });
});
