// `npm test`: sets up what the suite needs (Debian Chromium, a CJK font, a running PostgreSQL),
// then runs type check, lint and the web build side by side with the unit + API tests on both
// databases and the date-sensitive tests on the matrix days (one vitest run: vitest.suite.config.ts),
// and then the Chromium end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MATRIX_DAYS, UNIT_PROJECT } from './dateMatrixFiles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const isRoot = process.getuid?.() === 0;
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const CHROMIUM = '/usr/bin/chromium';

function fail(msg) {
  console.error(`\n✖ ${msg}`);
  process.exit(1);
}

let aptUpdated = false;
function aptInstall(pkgs, why) {
  const cmd = `apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  if (!isRoot) fail(`${why} is missing. Run: sudo apt-get update && sudo ${cmd}`);
  console.log(`• installing ${pkgs.join(', ')} (${why}) with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  if (r.status !== 0) fail(`Installing ${pkgs.join(' ')} failed. Run: ${cmd}`);
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function ensurePostgres() {
  if (await pgReachable()) return;
  if (!fs.existsSync('/etc/postgresql')) aptInstall(['postgresql'], 'a PostgreSQL server');
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  for (const v of versions) {
    const cmd = ['--skip-systemctl-redirect', v, 'main', 'start'];
    console.log(`• starting PostgreSQL: pg_ctlcluster ${cmd.join(' ')}`);
    spawnSync('pg_ctlcluster', cmd, { stdio: 'inherit' });
  }
  for (let i = 0; i < 20 && !(await pgReachable()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await pgReachable())) {
    fail(
      `No PostgreSQL server answers at ${TEST_DATABASE_URL}. Start one (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start, ` +
        `with trust auth for user postgres on 127.0.0.1) or set TEST_DATABASE_URL.`,
    );
  }
}

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

/** A step whose output streams as it goes (the long test runs), resolved with its success. */
function runStreaming(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const t = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => {
      console.log(`━━ ${label}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      resolve(code === 0);
    });
  });
}

/**
 * Steps that share nothing, run side by side (each mostly on one core: tsc, eslint and vite do), their
 * output printed whole as each ends; returns each step's success in order.
 */
async function runTogether(steps) {
  return Promise.all(
    steps.map(
      ([label, cmd, args]) =>
        new Promise((resolve) => {
          const t = Date.now();
          const child = spawn(cmd, args, { env: process.env });
          const out = [];
          child.stdout.on('data', (d) => out.push(d));
          child.stderr.on('data', (d) => out.push(d));
          child.on('close', (code) => {
            console.log(`\n━━ ${label}`);
            process.stdout.write(Buffer.concat(out));
            console.log(`━━ ${label}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
            resolve(code === 0);
          });
        }),
    ),
  );
}

function counts(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0, skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

/** The passed, failed and skipped tests of each project of the run (scripts/projectTally.mjs), or undefined when it wrote none. */
function projectTallies(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).projects;
  } catch {
    return undefined;
  }
}

const sumCounts = (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped });

/** The failed tests of a vitest JSON report, each with its first error line: CI shows only the tail of the output, so the summary names them. */
function failedTests(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    return (j.testResults ?? []).flatMap((f) =>
      (f.assertionResults ?? [])
        .filter((a) => a.status === 'failed')
        .map((a) => {
          const first = String(a.failureMessages?.[0] ?? '').split('\n').find((l) => l.trim()) ?? '';
          return `${path.relative(root, f.name)} > ${a.fullName}\n    ${first.slice(0, 300)}`;
        }),
    );
  } catch {
    return [];
  }
}

/** After a failed browser run: what its servers logged at warn or worse (slow requests, errors), to tell a stall from a wrong answer. */
function printServerWarnings() {
  for (const f of fs.readdirSync('.tmp').filter((n) => /^e2e-server-\d+\.log$/.test(n))) {
    const lines = fs.readFileSync(path.join('.tmp', f), 'utf8').split('\n').filter((l) => /"level":(4|5|6)\d/.test(l));
    console.log(`\n${f}: ${lines.length} warnings and errors${lines.length ? ', the last ones:' : ''}`);
    for (const l of lines.slice(-30)) console.log(`  ${l.slice(0, 400)}`);
  }
}

const started = Date.now();
if (!fs.existsSync(CHROMIUM)) aptInstall(['chromium'], 'Debian Chromium (end-to-end tests)');
if (!fs.existsSync(FONT)) aptInstall(['fonts-wqy-microhei'], 'a CJK font (Chinese glyphs in screenshots)');
if (!fs.existsSync('/usr/sbin/nginx')) aptInstall(['nginx-light'], 'nginx (two app instances behind it: scripts/instances.test.ts)');
if (!fs.existsSync('/usr/bin/openssl')) aptInstall(['openssl'], 'openssl (the nginx test’s certificate)');
await ensurePostgres();

fs.mkdirSync('.tmp', { recursive: true });
const node = process.execPath;
const bin = (p) => path.join('node_modules', ...p.split('/'));
const env = { TEST_DATABASE_URL, TZ: 'Asia/Shanghai' };
const results = [];
const hasE2e = fs.existsSync('e2e') && fs.readdirSync('e2e').some((f) => f.endsWith('.test.ts'));
const checks = [
  ['type check', 'type check (tsc --noEmit)', [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'lint (eslint)', [bin('eslint/bin/eslint.js'), '.']],
  ...(hasE2e ? [['web build', 'web build (vite)', [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']]] : []),
];
// The checks start beside the unit and API tests instead of before them: tsc alone holds one core for
// its last ~20 s, and the tests' first seconds (compiling, importing) leave room. None of those tests
// reads the web build (their servers serve no web app), and the browser tests start after both.
const checking = runTogether(checks.map(([, label, args]) => [label, node, args]));
// The unit and API tests and the date matrix in one vitest run (vitest.suite.config.ts): a project
// for the unit and API tests and one per matrix day, counted and reported apart.
const unitJson = '.tmp/vitest-unit.json';
const tallyJson = '.tmp/vitest-projects.json';
fs.rmSync(tallyJson, { force: true });
const testing = runStreaming(
  `unit and API tests (embedded PGlite and PostgreSQL) and the date-sensitive tests on ${MATRIX_DAYS.join(', ')}`,
  node,
  [bin('vitest/vitest.mjs'), 'run', '-c', 'vitest.suite.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`, '--reporter=./scripts/projectTally.mjs'],
  { ...env, TUIJIN_PROJECT_TALLY: tallyJson },
);
const [checked, testsOk] = await Promise.all([checking, testing]);
checks.forEach(([name], i) => results.push([name, checked[i]]));
const projects = projectTallies(tallyJson);
const unit = projects?.[UNIT_PROJECT] ?? { passed: 0, failed: 1, skipped: 0, failures: [] };
const days = MATRIX_DAYS.map((d) => projects?.[d] ?? { passed: 0, failed: 1, skipped: 0, failures: [] });
const failedDays = MATRIX_DAYS.filter((_, i) => days[i].failed > 0);
// The steps with a failed test fail; a run that failed with none (an error outside the tests, a report not written) fails both.
results.push(['unit + API tests', testsOk || (unit.failed === 0 && failedDays.length > 0)]);
results.push(['date matrix', testsOk || (failedDays.length === 0 && unit.failed > 0)]);
const tally = [unit, days.reduce(sumCounts)];
const failures = [...unit.failures, ...MATRIX_DAYS.flatMap((d, i) => days[i].failures.map((f) => `[${d}] ${f}`))];
const reports = [];
if (failedDays.length) console.log(`date-sensitive tests failed on ${failedDays.join(', ')}: rerun one with npm run test:dates -- ${failedDays[0]}`);
if (hasE2e) {
  const e2eJson = '.tmp/vitest-e2e.json';
  results.push([
    'end-to-end',
    run('end-to-end tests (Chromium)', node, [bin('vitest/vitest.mjs'), 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eJson}`], env),
  ]);
  tally.push(counts(e2eJson));
  reports.push(e2eJson);
  if (!results.at(-1)[1]) printServerWarnings();
}

failures.push(...reports.flatMap(failedTests));
if (failures.length) console.log(`\nFailed tests:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
const sum = tally.reduce(sumCounts);
const failedSteps = results.filter(([, ok]) => !ok).map(([n]) => n);
console.log(`\nSuite took ${((Date.now() - started) / 1000).toFixed(0)} s. ${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed.'}`);
console.log(`${sum.passed} passed, ${sum.failed + (failedSteps.length && !sum.failed ? 1 : 0)} failed, ${sum.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
