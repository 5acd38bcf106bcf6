// The real server's first start on a blank PostgreSQL database, and `npm run demo:load`, as an
// operator runs them (issue 18 item 6): no demo accounts unless asked, the first admins' passwords
// in a 0600 file and never on the console (service logs keep it), nothing made a second time.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerDatabase, passwordLogin, ROOT, startServer, type ServerProcess } from './serverProcess.js';


async function accounts(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ account: string }>('SELECT account FROM users ORDER BY account')).rows.map((r) => r.account);
  } finally {
    await c.end();
  }
}

describe('a blank PostgreSQL database at the first start', { timeout: 180_000 }, () => {
  let server: ServerProcess | undefined;
  let db: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-first-start-'));
  afterAll(async () => {
    await server?.kill();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gets the three admins, their passwords in TUIJIN_BOOTSTRAP_FILE (0600) and not on the console; the next start adds nobody', async () => {
    db = await createServerDatabase('tuijin_first_start');
    const file = path.join(dir, 'first-admins.txt');
    // As an operator starts it: no TUIJIN_DEMO (the process tests' default asks for the demo).
    const env = { TUIJIN_DEMO: '', TUIJIN_DEMO_PASSWORD: '', TUIJIN_BOOTSTRAP_FILE: file, DATA_DIR: dir };
    server = await startServer({ databaseUrl: db.url, dataDir: dir }, { timeoutMs: 120_000, env });
    expect(await accounts(db.url)).toEqual(['auditor', 'secadmin', 'sysadmin']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const passwords = [...fs.readFileSync(file, 'utf8').matchAll(/^ {2}(sysadmin|secadmin|auditor)\s+(\S+)/gm)].map((m) => m[2]!);
    expect(passwords).toHaveLength(3);
    for (const p of passwords) expect(server.output()).not.toContain(p);
    expect(server.output()).toContain(file);
    const s = await passwordLogin(server.base, 'sysadmin', passwords[0]);
    expect(s.stage).toBe('change_password');
    await server.stop();

    const before = fs.readFileSync(file, 'utf8');
    server = await startServer({ databaseUrl: db.url, dataDir: dir }, { timeoutMs: 120_000, env });
    expect(await accounts(db.url)).toEqual(['auditor', 'secadmin', 'sysadmin']);
    expect(server.output()).not.toMatch(/first administrators|Demo/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    await server.stop();
    server = undefined;
  });
});

describe('two instances started together on a blank PostgreSQL database', { timeout: 180_000 }, () => {
  const servers: ServerProcess[] = [];
  let db: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-two-starts-')));
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('both start (the migrations run once, under a lock), and one of them makes the three admins', async () => {
    db = await createServerDatabase('tuijin_two_starts');
    const started = await Promise.allSettled(
      dirs.map((dir) =>
        startServer({ databaseUrl: db!.url, dataDir: dir }, { timeoutMs: 120_000, env: { TUIJIN_DEMO: '', TUIJIN_DEMO_PASSWORD: '', TUIJIN_BOOTSTRAP_FILE: path.join(dir, 'first-admins.txt') } }),
      ),
    );
    for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
    expect(started.map((r) => (r.status === 'fulfilled' ? 'started' : String(r.reason).slice(0, 400)))).toEqual(['started', 'started']);
    expect(await accounts(db.url)).toEqual(['auditor', 'secadmin', 'sysadmin']);
    expect(dirs.filter((d) => fs.existsSync(path.join(d, 'first-admins.txt')))).toHaveLength(1);
  });
});

describe('npm run demo:load', { timeout: 180_000 }, () => {
  let db: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  afterAll(async () => db?.drop());

  const demoLoad = (url: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) =>
      execFile(process.execPath, ['scripts/operator.mjs', 'demoLoad'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, TUIJIN_DEMO_PASSWORD: 'Demo-Pass-2026' }, encoding: 'utf8' }, (err, out, errOut) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, out: out + errOut }),
      ),
    );

  it('loads the demo into an empty server database and prints its logins, then refuses, saying why', async () => {
    db = await createServerDatabase('tuijin_demo_load');
    const first = await demoLoad(db.url);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Demo district loaded[\s\S]*hq_office\s+Demo-Pass-2026/);
    const count = (await accounts(db.url)).length;
    expect(count).toBeGreaterThan(12);
    const second = await demoLoad(db.url);
    expect(second.code, second.out).toBe(1);
    expect(second.out).toContain(`is not empty (1 region(s), ${count} account(s)): the demo loads only into an empty database`);
    expect((await accounts(db.url)).length).toBe(count);
  });
});
