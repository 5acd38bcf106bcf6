// Compiles the server: one ES module per entry point, bundled by esbuild with the packages in
// node_modules left as imports, so that running it needs no TypeScript at all (tsx cost every start
// about 2 s of CPU and ~100 MB). The files the server reads beside its code (migrations, the demo's
// evidence fixtures) are copied next to the bundle, where `import.meta.url` points once bundled.
// A build is skipped when none of the files it was made from changed (a fingerprint of the previous
// build's inputs), so tests and `npm start` can ask for it every time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a build carries besides its code: folders copied next to the bundle. */
const ASSETS = [
  ['server/db/migrations', 'migrations'],
  ['demo/fixtures', 'fixtures'],
];

/**
 * The server itself (`npm run serve`, `npm start`) and the operator's commands, compiled beside it
 * so that a machine installed without the build tools (`npm ci --omit=dev`) runs them too
 * (scripts/operator.mjs). They share their code through chunks.
 */
export const SERVER_BUILD = { entry: 'server/main.ts', outDir: 'dist/server', commands: ['scripts/auditVerify.ts', 'scripts/secadminRecover.ts', 'scripts/demoLoad.ts', 'scripts/backup.ts', 'scripts/restore.ts'] };

/**
 * How Node runs the compiled server, wherever it is started for production: `npm run serve`,
 * deploy/tuijin@.service and scripts/serverProcess.ts (the tests and the bench) spell these same flags
 * (scripts/production.test.ts checks they agree).
 *
 * `--max-old-space-size`: V8 lets the old generation grow to a multiple of what survived the last
 * full collection before it collects again, up to 4× when its heap limit is 2 GB or more (the
 * default on any machine with 8 GB of memory or more); under 200 clients submitting reports the
 * server's ~90 MB of live objects then grew to 260 MB of heap between collections, and each process
 * peaked at 390 MB RSS (issue 25's budget: 250 MB). With a limit of 1 GB the factor is about 1.6
 * (V8's heap controller: from 1.3 to 2 for limits from 256 MB to 2 GB, 4 from there up), so collections
 * come sooner and cost less each: the peak fell from 390 to 228 MB, with about the same time in GC
 * and submissions/s (bench/RESULTS.md). 1 GB is still ten times the live heap: the largest exports
 * fit (a limit of 512 MB peaked at 214 MB, no lower, and would leave them less room).
 *
 * `--enable-source-maps`: error stacks in the log name the TypeScript sources, not the bundle.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1024', '--enable-source-maps'];

/** Whether the build tools (devDependencies) are installed: a production install has only the built files. */
export function canBuild() {
  return fs.existsSync(path.join(root, 'node_modules', 'esbuild', 'package.json'));
}

function walk(dir, files = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else files.push(p);
  }
  return files;
}

/** Hash of the build's inputs (as the last build's metafile lists them), its assets and the tools' versions. */
function fingerprint(inputs) {
  const h = createHash('sha256');
  const esbuildVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/esbuild/package.json'), 'utf8')).version;
  h.update(`esbuild ${esbuildVersion}\0${fs.readFileSync(fileURLToPath(import.meta.url))}\0`);
  for (const f of [...inputs, ...ASSETS.flatMap(([from]) => walk(path.join(root, from)).map((p) => path.relative(root, p)))].sort()) {
    const abs = path.join(root, f);
    h.update(f).update('\0').update(fs.existsSync(abs) ? fs.readFileSync(abs) : 'missing').update('\0');
  }
  return h.digest('hex');
}

/**
 * Builds `entry` into `outDir` unless the build there was made from the same files; returns whether
 * it built. The output is `<outDir>/<entry's name>.js` with its source map.
 */
export function ensureServerBuild(target = SERVER_BUILD) {
  // Callers in one process (servers started side by side) share one build instead of racing two.
  const key = `${target.entry} ${target.outDir}`;
  if (!building.has(key)) building.set(key, buildIfChanged(target).finally(() => building.delete(key)));
  return building.get(key);
}
const building = new Map();

async function buildIfChanged({ entry, outDir, commands = [] }) {
  const out = path.join(root, outDir);
  const stampFile = path.join(out, 'build.json');
  const outfile = path.join(out, `${path.basename(entry, '.ts')}.js`);
  const entries = [entry, ...commands];
  if (!canBuild()) {
    if (fs.existsSync(outfile)) return false;
    throw new Error(`${outDir} is not built and the build tools are not installed: run \`npm ci && npm run build\` where they are, or \`npm install\` here`);
  }
  if (fs.existsSync(stampFile) && fs.existsSync(outfile)) {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(stamp.entries) === JSON.stringify(entries) && stamp.fingerprint === fingerprint(stamp.inputs)) return false;
  }
  const { build } = await import('esbuild');
  // Built beside and renamed into place: a server starting meanwhile never loads half a bundle.
  const partial = `${out}.${process.pid}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: partial,
    entryNames: '[name]',
    // Beside the entries: code that finds its files through import.meta.url (migrations) may land in a chunk.
    chunkNames: '[name]-[hash]',
    splitting: commands.length > 0,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    // The maps name the TypeScript files and lines for error stacks (--enable-source-maps), without
    // the sources' text: Node holds a loaded map in memory for the process's life, and the text was
    // most of it (the sources are not shipped anyway).
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  for (const [from, to] of ASSETS) fs.cpSync(path.join(root, from), path.join(partial, to), { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  fs.writeFileSync(path.join(partial, 'build.json'), JSON.stringify({ entries, inputs, fingerprint: fingerprint(inputs) }, null, 1));
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.renameSync(partial, out);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  const built = await ensureServerBuild();
  console.log(built ? `Built the server into ${SERVER_BUILD.outDir} in ${Date.now() - t} ms` : `The server in ${SERVER_BUILD.outDir} is up to date`);
}
