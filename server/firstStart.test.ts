// What an empty database gets at start (issue 18 item 6): the embedded one the demo district, a
// server database its first administrators (or the demo when asked), a database with accounts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, regions, userRoles, users } from './db/schema/index.js';
import { send } from './testing/api.js';
import { DATABASE_KINDS, type DatabaseKind } from './testing/databases.js';
import { startHarness, type Harness } from './testing/harness.js';
import { freshTotpCode } from './testing/totpCodes.js';
import { firstStart, type FirstStartOptions } from './firstStart.js';

/** The options a start reads from its environment, as a server database without TUIJIN_DEMO has them. */
const serverDefaults = (over: Partial<FirstStartOptions> = {}): FirstStartOptions & { lines: string[] } => {
  const lines: string[] = [];
  return { demo: undefined, demoPassword: undefined, bootstrapFile: undefined, print: (l) => lines.push(l), lines, ...over };
};

describe('the embedded database at its first start', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('embedded');
  });
  afterAll(async () => h?.close());

  it('gets the demo district, prints its logins, and at the next start only the reminder', async () => {
    expect(h.db.database.kind).toBe('embedded');
    const first = serverDefaults({ demoPassword: 'Demo-Password-2026' });
    expect((await firstStart(h.db.database, first)).kind).toBe('demo_loaded');
    expect(first.lines.join('\n')).toMatch(/Demo district loaded[\s\S]*hq_office\s+Demo-Password-2026/);
    const accounts = (await h.db.database.db.select({ account: users.account }).from(users)).map((u) => u.account);
    expect(accounts).toEqual(expect.arrayContaining(['leader', 'hq_office', 'liaison', 'sysadmin', 'secadmin', 'auditor']));
    const again = serverDefaults({ demoPassword: 'Demo-Password-2026' });
    expect((await firstStart(h.db.database, again)).kind).toBe('demo_present');
    expect(again.lines.join('\n')).toContain('Demo logins: leader');
    expect(await h.db.database.db.$count(users)).toBe(accounts.length);
  });
});

/** The admin bootstrap on each kind: a server database as it comes, the embedded one with TUIJIN_DEMO=0. */
describe.each(DATABASE_KINDS)('a blank %s database without the demo', (kind: DatabaseKind) => {
  let h: Harness;
  let dir: string;
  const opts = (over: Partial<FirstStartOptions> = {}) => serverDefaults({ demo: kind === 'embedded' ? false : undefined, ...over });
  beforeAll(async () => {
    h = await startHarness(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-bootstrap-'));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gets one account per admin role, not the demo, with the passwords in a 0600 file and not on stdout; a second start makes none', async () => {
    const file = path.join(dir, 'first-admins.txt');
    const o = opts({ bootstrapFile: file });
    const r = await firstStart(h.db.database, o);
    expect(r.kind).toBe('bootstrapped');
    if (r.kind !== 'bootstrapped') return;
    const db = h.db.database.db;
    const made = await db.select({ account: users.account, role: userRoles.role, must: users.mustChangePassword, totp: users.totpEnabled }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id));
    expect(made.map((u) => `${u.account}:${u.role}`).sort()).toEqual(['auditor:auditor', 'secadmin:secadmin', 'sysadmin:sysadmin']);
    expect(made.filter((u) => u.role === 'sysadmin')).toHaveLength(1);
    expect(made.every((u) => u.must && !u.totp)).toBe(true);
    // No demo: neither its district nor its program accounts.
    expect((await db.select().from(regions)).map((x) => x.code)).toEqual(['region']);
    expect(await db.$count(auditLog, eq(auditLog.action, 'system.demo_loaded'))).toBe(0);
    expect(await db.$count(auditLog, eq(auditLog.action, 'user.bootstrapped'))).toBe(3);

    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    const stdout = o.lines.join('\n');
    for (const a of r.admins) {
      expect(text).toContain(`${a.account.padEnd(9)} ${a.password}`);
      expect(stdout).not.toContain(a.password);
    }
    expect(stdout).toContain(file);

    const again = opts({ bootstrapFile: file });
    expect((await firstStart(h.db.database, again)).kind).toBe('none');
    expect(again.lines).toEqual([]);
    expect(await db.$count(users)).toBe(3);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('creates nobody when the passwords cannot be written where TUIJIN_BOOTSTRAP_FILE says', async () => {
    const fresh = await startHarness(kind);
    try {
      const o = opts({ bootstrapFile: path.join(dir, 'no-such-folder', 'first-admins.txt') });
      await expect(firstStart(fresh.db.database, o)).rejects.toThrow(/TUIJIN_BOOTSTRAP_FILE: cannot write .*no account was created/);
      expect(await fresh.db.database.db.$count(users)).toBe(0);
      expect(o.lines).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('lets the bootstrap sysadmin reach nothing before a new password and a second factor', async () => {
    const fresh = await startHarness(kind);
    try {
      const o = opts();
      const r = await firstStart(fresh.db.database, o);
      if (r.kind !== 'bootstrapped') throw new Error(`expected a bootstrap, got ${r.kind}`);
      const sysadmin = r.admins.find((a) => a.role === 'sysadmin')!;
      // Without a file, the notice is the console's.
      expect(o.lines.join('\n')).toContain(`sysadmin  ${sysadmin.password}`);

      const login = await send(fresh.app, { method: 'POST', url: '/api/auth/login', payload: { account: 'sysadmin', password: sysadmin.password } });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json().data.stage).toBe('change_password');
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const s = { cookie, csrf: login.json().data.csrfToken as string, headers: { cookie, 'x-csrf-token': login.json().data.csrfToken as string } };
      const users_ = () => send(fresh.app, { method: 'GET', url: '/api/users' }, s);
      const refused = async () => {
        const res = await users_();
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('stage_required');
      };
      await refused();
      const changed = await send(fresh.app, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: sysadmin.password, newPassword: 'Kx9#pLm2$wQr7vTz' } }, s);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().data.stage).toBe('totp_enrol');
      await refused();
      const setup = await send(fresh.app, { method: 'POST', url: '/api/auth/totp/setup' }, s);
      expect(setup.statusCode, setup.body).toBe(200);
      const enrol = await send(fresh.app, { method: 'POST', url: '/api/auth/totp/enrol', payload: { code: await freshTotpCode(setup.json().data.secret) } }, s);
      expect(enrol.statusCode, enrol.body).toBe(200);
      expect(enrol.json().data.stage).toBe('ok');
      expect((await users_()).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
