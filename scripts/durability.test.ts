// Kills the real server (SIGKILL) in the middle of a stream of writes, restarts it on the same data
// and checks that every write it acknowledged is still there and the audit chain still holds — on
// the embedded database (PGlite in a folder) and on a PostgreSQL server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inArray, eq, and } from 'drizzle-orm';
import { verifyAuditChain } from '../server/audit.js';
import { openDatabase } from '../server/db/client.js';
import { auditLog, orgUnits } from '../server/db/schema/index.js';
import { adminLogin, call, createServerDatabase, startServer, type HttpSession, type ServerProcess, type ServerTarget } from './serverProcess.js';

const ROUNDS = 3;
const IN_FLIGHT = 20;
/** After two rounds, another starts only while this much time has not passed (a busy machine starts slowly). */
const MORE_ROUNDS_BEFORE_MS = 25_000;
/**
 * Hard limit per database, far above the 15–40 s these take on a quiet machine: an embedded first
 * start (initdb in WebAssembly) took over 60 s on this 2-core machine while others' suites ran.
 */
const TIMEOUT_MS = 180_000;

/** Keeps IN_FLIGHT unit creations running until the server dies; collects the acknowledged codes. `someAcked`: three answered. */
function writeUntilKilled(server: ServerProcess, session: HttpSession, round: number) {
  const acked: string[] = [];
  let n = 0;
  let someAckedNow: () => void = () => {};
  const someAcked = new Promise<void>((r) => (someAckedNow = r));
  const worker = async () => {
    for (;;) {
      const code = `k${round}_${n++}`;
      try {
        const r = await call(server.base, 'POST', '/api/units', session, { code, name: `断电测试单位${code}`, kind: 'department' });
        if (r.status >= 200 && r.status < 300) {
          acked.push(code);
          if (acked.length >= 3) someAckedNow();
        } else throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.json)}`);
      } catch (e) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        // Connection errors right at the kill are expected; anything else while alive is a failure.
        if (e instanceof Error && e.message.startsWith('unexpected')) throw e;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const workers = Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { acked, someAcked, workers, sent: () => n };
}

async function codesOnServer(server: ServerProcess, session: HttpSession): Promise<Set<string>> {
  const r = await call(server.base, 'GET', '/api/units?q=k', session);
  expect(r.status).toBe(200);
  return new Set((r.json.data as { code: string }[]).map((u) => u.code));
}

async function killRounds(target: ServerTarget) {
  const totp: { secret?: string } = {};
  const acked: string[] = [];
  const log: string[] = [];
  const t0 = Date.now();
  let server: ServerProcess | null = null;
  let killedPid: number | undefined;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // Round 1 starts on empty data; later rounds restart on the data of a killed server.
      server = await startServer(target, { timeoutMs: 100_000 });
      const session = await adminLogin(server.base, 'sysadmin', totp);
      const present = await codesOnServer(server, session);
      expect(acked.filter((c) => !present.has(c))).toEqual([]);

      const w = writeUntilKilled(server, session, round);
      await Promise.race([w.someAcked, new Promise((r) => setTimeout(r, 10_000))]);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
      await server.kill();
      killedPid = server.child.pid;
      server = null;
      await w.workers;
      acked.push(...w.acked);
      log.push(`round ${round}: ${w.acked.length} acknowledged of ${w.sent()} sent before SIGKILL`);
      expect(w.acked.length).toBeGreaterThan(0);
      if (round >= 2 && Date.now() - t0 > MORE_ROUNDS_BEFORE_MS) {
        if (round < ROUNDS) log.push(`rounds ${round + 1}–${ROUNDS}: skipped (time budget)`);
        break;
      }
    }
  } finally {
    await server?.kill();
  }

  // The last kill is followed by opening the database directly (for the embedded folder: taking
  // over the killed server's stale lock): every acknowledged unit is there with its audit record
  // (same transaction), and the chain is unbroken.
  if (target.dataDir) expect(fs.readFileSync(path.join(target.dataDir, 'tuijin.lock'), 'utf8')).toBe(String(killedPid));
  // With the server stopped, read the database directly: every acknowledged unit has its audit
  // record (same transaction) and the chain is unbroken.
  const database = await openDatabase({ ...target, poolSize: 2, migrate: false });
  try {
    const units = await database.db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, acked));
    expect(units.length).toBe(acked.length);
    const audited = await database.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.created'), inArray(auditLog.entityId, units.map((u) => u.id))));
    expect(audited.length).toBe(units.length);
    const chain = await verifyAuditChain(database.db);
    expect(chain).toMatchObject({ intact: true });
    log.push(`total: ${acked.length} acknowledged, all present after the kills; audit chain intact over ${chain.checked} records (${Date.now() - t0} ms)`);
  } finally {
    await database.close();
  }
  console.log(log.join('\n'));
}

describe.concurrent('SIGKILL durability of acknowledged writes', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it(`embedded database (DATA_DIR): SIGKILLs mid-stream (up to ${ROUNDS}) lose nothing acknowledged`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-kill-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await killRounds({ dataDir: dir });
    // Our reader took the killed server's lock over and released it: nobody holds the folder.
    expect(fs.existsSync(path.join(dir, 'tuijin.lock'))).toBe(false);
  }, TIMEOUT_MS);

  it(`PostgreSQL server (DATABASE_URL): SIGKILLs mid-stream (up to ${ROUNDS}) lose nothing acknowledged`, async () => {
    const db = await createServerDatabase('tuijin_test');
    cleanup.push(() => db.drop());
    await killRounds({ databaseUrl: db.url });
  }, TIMEOUT_MS);
});
