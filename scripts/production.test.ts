// A production machine installs the dependencies alone (`npm ci --omit=dev`: no vite, esbuild, tsx or
// TypeScript) and runs what `npm run build` made: the server and the operator's commands must need
// nothing else, and `npm run serve` and the commands' scripts must not reach for a build tool.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureServerBuild, SERVER_BUILD, SERVER_NODE_FLAGS } from './buildServer.mjs';
import { createServerDatabase, freePort, HOST, ROOT } from './serverProcess.js';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
const BUILD_TOOLS = ['tsx', 'vite', 'esbuild', 'typescript', 'drizzle-kit', 'vitest'];

/** The packages a compiled file imports (bare specifiers, by package name). */
function importedPackages(code: string): string[] {
  const specifiers = [...code.matchAll(/(?:^|[\n;])\s*(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"|(?:^|[\n;])\s*import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('.') && !s.startsWith('/')).map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

function run(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => execFile('npm', args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 }, (err, out) => (err ? reject(err) : resolve(out))));
}

describe('a production install', { timeout: 120_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-production-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the compiled server and commands import only packages listed as dependencies', async () => {
    await ensureServerBuild();
    const out = path.join(ROOT, SERVER_BUILD.outDir);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['main.js', ...SERVER_BUILD.commands.map((c) => `${path.basename(c, '.ts')}.js`)]));
    const imported = new Set(files.flatMap((f) => importedPackages(fs.readFileSync(path.join(out, f), 'utf8'))));
    expect(imported).toContain('fastify');
    expect([...imported].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([]);
    for (const tool of BUILD_TOOLS) expect(pkg.dependencies, tool).not.toHaveProperty(tool);
  });

  it('serve and the operator commands run no build tool', () => {
    for (const name of ['serve', 'audit:verify', 'secadmin:recover', 'demo:load', 'backup', 'restore']) {
      expect(pkg.scripts[name], name).toBeDefined();
      for (const tool of BUILD_TOOLS) expect(pkg.scripts[name], name).not.toMatch(new RegExp(`\\b${tool}\\b`));
    }
  });

  it('npm run serve and the systemd unit run the server with the same Node flags (its heap sizing among them)', () => {
    const unit = fs.readFileSync(path.join(ROOT, 'deploy', 'tuijin@.service'), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1];
    for (const [where, command] of [['npm run serve', pkg.scripts.serve], ['deploy/tuijin@.service', execStart]] as const) {
      expect(command?.split(/\s+/), where).toEqual([expect.stringMatching(/(?:^|\/)node$/), ...SERVER_NODE_FLAGS, 'dist/server/main.js']);
    }
  });

  it('starts and answers with only the production dependencies installed', async () => {
    await ensureServerBuild();
    // The production tree as npm lists it, linked into a folder of its own beside a copy of the build.
    const listed = (await run(['ls', '--omit=dev', '--all', '--parseable'], ROOT)).split('\n').filter(Boolean);
    const top = listed.filter((p) => /^node_modules\/(?:@[^/]+\/)?[^/@][^/]*$/.test(path.relative(ROOT, p)));
    expect(top.length).toBeGreaterThan(10);
    for (const p of top) {
      const link = path.join(dir, path.relative(ROOT, p));
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(p, link);
    }
    for (const tool of BUILD_TOOLS) expect(fs.existsSync(path.join(dir, 'node_modules', tool)), tool).toBe(false);
    fs.cpSync(path.join(ROOT, SERVER_BUILD.outDir), path.join(dir, 'dist', 'server'), { recursive: true });

    const db = await createServerDatabase('tuijin_production');
    const port = await freePort();
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist/server/main.js'], {
      cwd: dir,
      env: { PATH: process.env.PATH, PORT: String(port), HOST, DATABASE_URL: db.url, DATA_DIR: path.join(dir, 'data'), TUIJIN_WEB_DIR: path.join(dir, 'no-web'), LOG_LEVEL: 'info', TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      let health: Response | undefined;
      for (const deadline = Date.now() + 60_000; !health && Date.now() < deadline; ) {
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
        health = await fetch(`http://${HOST}:${port}/api/health`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 200));
      }
      expect(health?.status, output).toBe(200);
      // Under a service manager (no terminal) every line is a pino JSON record, the start's too: the
      // address, and the first administrators' passwords (no TUIJIN_BOOTSTRAP_FILE here) in one record.
      const lines = output.split('\n').filter((l) => l.trim());
      const records = lines.map((l) => {
        try {
          return JSON.parse(l) as { level?: number; msg?: string; url?: string; readyMs?: number; notice?: string[] };
        } catch {
          return { text: l };
        }
      });
      expect(records.filter((r) => !('level' in r)), output).toEqual([]);
      expect(records).toContainEqual(expect.objectContaining({ msg: `listening on http://localhost:${port}`, url: `http://localhost:${port}`, readyMs: expect.any(Number) }));
      const first = records.find((r) => 'notice' in r && r.msg === 'first start') as { notice: string[] } | undefined;
      expect(first?.notice.join('\n'), output).toMatch(/sysadmin/);
      // An operator's command, compiled beside the server, on the database the server made.
      const verified = await new Promise<{ code: number; out: string }>((resolve) =>
        execFile(process.execPath, ['dist/server/auditVerify.js'], { cwd: dir, env: { PATH: process.env.PATH, DATABASE_URL: db.url, DATA_DIR: path.join(dir, 'data') }, encoding: 'utf8' }, (err, out, errOut) =>
          resolve({ code: err ? Number(err.code) : 0, out: out + errOut }),
        ),
      );
      expect(verified.out).toMatch(/Audit chain intact/);
      expect(verified.code).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db.drop();
    }
  });
});
