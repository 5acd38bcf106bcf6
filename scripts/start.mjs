// `npm start`: builds the web app and the server when their sources changed, then runs the compiled
// server in this process (`npm run serve` runs it without the checks).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** A fingerprint of everything the web build reads, so an unchanged tree starts without building. */
function webFingerprint() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts')) h.update(p).update(fs.readFileSync(p));
    }
  };
  walk('web');
  walk('domain');
  for (const f of ['vite.config.ts', 'package-lock.json']) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

const stamp = path.join('dist', 'web.fingerprint');
const fp = webFingerprint();
const built = fs.existsSync(path.join('dist', 'web', 'index.html'));
const viteInstalled = fs.existsSync(path.join('node_modules', 'vite', 'bin', 'vite.js'));
// A production install (`npm ci --omit=dev`) has no build tools: it runs the web app it was given.
if (!viteInstalled && !built) {
  console.error('dist/web is not built and the build tools are not installed: run `npm install` (or build elsewhere with `npm run build`).');
  process.exit(1);
}
if (viteInstalled && (!built || !fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== fp)) {
  console.log('Building the web app (first start, or its sources changed)…');
  execFileSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  fs.writeFileSync(stamp, fp);
}

const { ensureServerBuild, SERVER_BUILD } = await import('./buildServer.mjs');
if (await ensureServerBuild()) console.log(`Built the server into ${SERVER_BUILD.outDir}.`);
// A person runs `npm start`: the address and the demo logins are printed as text too, not only logged as JSON.
process.env.TUIJIN_CONSOLE ||= 'text';
// Errors name the TypeScript sources' lines, as under tsx.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, SERVER_BUILD.outDir, 'main.js')).href);
