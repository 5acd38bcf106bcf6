import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database, Executor } from './db/client.js';
import { auditHead } from './db/schema/index.js';

/**
 * Keyed checkpoints of the audit chain's head, kept outside the database. The chain alone proves
 * nothing against someone who can write the database: they edit a record and recompute every hash
 * after it. A checkpoint line says "record N had hash H" under an HMAC whose key the database does
 * not hold, so `audit:verify` can tell that the recomputed chain no longer passes through H.
 * Per record nothing changes (the chain is still linked in SQL, migrations 0008/0009): the server
 * appends a line every few seconds when the head moved, and at shutdown.
 */

/** The smallest key accepted: 32 characters (`openssl rand -hex 32` gives 64). */
const MIN_KEY = 32;

export interface AuditKey {
  key: Buffer;
  /** Where it came from, for messages: the variable's name or the file's path. */
  source: string;
}

export interface Checkpoint {
  id: number;
  hash: string;
  at: string;
  /** Line number in the checkpoint file (1-based), for messages. */
  line: number;
}

const macOf = (key: Buffer, id: number, hash: string, at: string) =>
  createHmac('sha256', key).update(`tuijin-audit-checkpoint v1|${id}|${hash}|${at}`).digest('hex');

/** The line a checkpoint is written as (JSON, one per line, append-only). */
export function checkpointLine(key: Buffer, id: number, hash: string, at = new Date().toISOString()): string {
  return `${JSON.stringify({ v: 1, id, hash, at, mac: macOf(key, id, hash, at) })}\n`;
}

function keyFromText(text: string, source: string): AuditKey {
  const t = text.trim();
  if (t.length < MIN_KEY) throw new Error(`The audit key in ${source} is shorter than ${MIN_KEY} characters; generate one with: openssl rand -hex 32`);
  return { key: Buffer.from(t, 'utf8'), source };
}

/**
 * The audit key: TUIJIN_AUDIT_KEY, else the key file (TUIJIN_AUDIT_KEY_FILE, default
 * DATA_DIR/audit.key). With `create` (the server at start) a missing file is generated, mode 0600,
 * and `created` says so; without it (audit:verify) a missing key is null.
 */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'auditKeyFile'>, opts: { create: boolean }): (AuditKey & { created: boolean; warning?: string }) | null {
  if (config.auditKey) return { ...keyFromText(config.auditKey, 'TUIJIN_AUDIT_KEY'), created: false };
  const file = config.auditKeyFile;
  if (!fs.existsSync(file)) {
    if (!opts.create) return null;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': two servers starting at once never overwrite each other's key.
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return { ...keyFromText(fs.readFileSync(file, 'utf8'), file), created: true };
  }
  const mode = fs.statSync(file).mode & 0o777;
  const warning = mode & 0o077 ? `! The audit key file ${file} can be read by other users (mode ${mode.toString(8)}): chmod 600 ${file}` : undefined;
  return { ...keyFromText(fs.readFileSync(file, 'utf8'), file), created: false, ...(warning ? { warning } : {}) };
}

export interface CheckpointFile {
  checkpoints: Checkpoint[];
  /** Lines whose MAC does not hold: written without the key, or altered. */
  forged: number[];
  /** A line cut short (a crash while appending; not JSON): ignored, as it proves nothing either way. */
  cutShort: boolean;
}

/** Reads and authenticates the checkpoint file; a missing file has no checkpoints. */
export function readCheckpoints(file: string, key: Buffer): CheckpointFile {
  const out: CheckpointFile = { checkpoints: [], forged: [], cutShort: false };
  if (!fs.existsSync(file)) return out;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const [i, text] of lines.entries()) {
    if (!text.trim()) continue;
    let c: { id?: unknown; hash?: unknown; at?: unknown; mac?: unknown };
    try {
      c = JSON.parse(text) as typeof c;
    } catch {
      out.cutShort = true;
      continue;
    }
    const ok =
      typeof c.id === 'number' &&
      typeof c.hash === 'string' &&
      typeof c.at === 'string' &&
      typeof c.mac === 'string' &&
      /^[0-9a-f]{64}$/.test(c.mac) &&
      timingSafeEqual(Buffer.from(c.mac, 'hex'), Buffer.from(macOf(key, c.id, c.hash, c.at), 'hex'));
    if (ok) out.checkpoints.push({ id: c.id as number, hash: c.hash as string, at: c.at as string, line: i + 1 });
    else out.forged.push(i + 1);
  }
  return out;
}

/** Appends a checkpoint of the head as it is now, unless the last one written already has it. */
async function appendHead(db: Executor, key: Buffer, file: string, last: { id: number }): Promise<void> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.lastId === 0 || head.lastId === last.id) return;
  // appendFileSync with O_APPEND: a line is written whole or (on a crash) cut short at the end, never interleaved.
  fs.appendFileSync(file, checkpointLine(key, head.lastId, head.lastHash), { mode: 0o600 });
  last.id = head.lastId;
}

/** The checkpoints kept for a database by this process, for the auditor's page (GET /api/audit/verify). */
const kept = new WeakMap<Database, { key: Buffer; file: string }>();

/** The authenticated checkpoints of this database, or undefined when this process keeps none. */
export function checkpointsOf(database: Database): CheckpointFile | undefined {
  const k = kept.get(database);
  return k && readCheckpoints(k.file, k.key);
}

/**
 * Writes a checkpoint every `intervalMs` when the head moved, and a last one on stop (shutdown).
 * A failure is reported through `log` and retried next time: checkpoints must not stop the server.
 */
export function startAuditCheckpoints(database: Database, opts: { key: Buffer; file: string; intervalMs: number; log: (msg: string, err?: unknown) => void }) {
  const db = database.db;
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  // A line cut short by a crash stays on its own line instead of spoiling the next one.
  if (fs.existsSync(opts.file) && fs.statSync(opts.file).size > 0) {
    const fd = fs.openSync(opts.file, 'r');
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, fs.statSync(opts.file).size - 1);
    fs.closeSync(fd);
    if (last.toString() !== '\n') fs.appendFileSync(opts.file, '\n');
  }
  kept.set(database, { key: opts.key, file: opts.file });
  const last = { id: -1 };
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(() => appendHead(db, opts.key, opts.file, last)).catch((err: unknown) => opts.log(`audit checkpoint to ${opts.file} failed`, err));
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  return {
    /** Writes a checkpoint now (if the head moved) and waits for it. */
    now: tick,
    async stop() {
      clearInterval(timer);
      await tick();
    },
  };
}
