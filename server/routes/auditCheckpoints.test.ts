import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuditCheckpoints } from '../auditCheckpoints.js';
import { send } from '../testing/api.js';
import { rewriteAsSuperuser } from '../testing/auditTamper.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

describe.each(DATABASE_KINDS)("the auditor's chain check with checkpoints on %s", (kind) => {
  let h: Harness;
  let dir: string;
  let aud: Session;
  let sys: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-cp-'));
    aud = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'auditor' }]));
    sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a record rewritten in the database, hashes recomputed, as broken', async () => {
    const cp = startAuditCheckpoints(h.db.database, { key: Buffer.from('q'.repeat(40)), file: path.join(dir, 'cp.log'), intervalMs: 3_600_000, log: () => {} });
    const unit = await makeUnit(h.db.database);
    for (const name of ['一号', '二号', '三号']) {
      const res = await send(h.app, { method: 'POST', url: '/api/users', payload: { account: `cp_${name.length}${Math.random().toString(36).slice(2, 8)}`, displayName: name, unitId: unit.id } }, sys);
      expect(res.statusCode, res.body).toBe(200);
      await cp.now();
    }
    await cp.stop();
    const verify = async () => (await send(h.app, { method: 'GET', url: '/api/audit/verify' }, aud)).json().data;
    const before = await verify();
    expect(before).toMatchObject({ intact: true, checkpointsMatched: 3 });

    await rewriteAsSuperuser(h.db.database, before.checked - 1);
    expect(await verify()).toMatchObject({ intact: false, reason: 'checkpoint', firstBrokenId: String(before.checked - 1) });
  });
});
