import os from 'node:os';
import path from 'node:path';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './httpLimits.js';
import { DEFAULT_AUTH_LIMITS, type AuthLimits } from './security/authThrottle.js';
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from './security/publicThrottle.js';

/** Runtime configuration, read once from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  /** Connections to that server. */
  databasePoolSize: number;
  /** PostgreSQL's max_parallel_workers_per_gather for the app's connections (DATABASE_PARALLEL_WORKERS). */
  databaseParallelWorkers: number;
  /** When set, every demo account gets this password and no forced change. */
  demoPassword: string | undefined;
  /**
   * Whether an empty database gets the demo district (TUIJIN_DEMO=1 or 0). Unset: the embedded
   * database does (what `npm install && npm start` shows), a server database does not (a blank
   * production database gets its first administrators instead: server/firstStart.ts).
   */
  demo: boolean | undefined;
  /** Where the first administrators' one-time passwords go (mode 0600) instead of stdout, where service logs keep them. */
  bootstrapFile: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** LOG_LEVEL: what the JSON log keeps (each request's own lines only at debug and trace). */
  logLevel: LogLevel;
  /**
   * TUIJIN_CONSOLE: whether the start's address and logins are also printed as text for a person
   * (`text`; `npm start` sets it), or only logged as JSON (`json`). Unset: text when stdout is a terminal.
   */
  consoleText: boolean;
  /** TUIJIN_METRICS_TOKEN: the bearer token GET /metrics asks for (unset: loopback clients only). */
  metricsToken: string | undefined;
  /** TUIJIN_SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for requests in flight. */
  shutdownTimeoutMs: number;
  webDir: string;
  /** Request deadlines and connections per address (HTTP_* variables). */
  http: HttpLimits;
  /** Credential attempts let through (TUIJIN_AUTH_*): per address and overall per minute, checked at once, waiting. */
  authLimits: AuthLimits;
  /** Public complaint submissions and lookups (TUIJIN_PUBLIC_*). */
  publicLimits: PublicLimits;
  /**
   * Reverse proxies whose X-Forwarded-For names the client (TUIJIN_TRUST_PROXY: their addresses or
   * CIDR ranges, comma-separated). Unset, the connecting address is the client's.
   */
  trustProxy: string[] | undefined;
  /** The audit checkpoints' HMAC key itself (TUIJIN_AUDIT_KEY); else read from auditKeyFile. */
  auditKey: string | undefined;
  /** Where the audit key is kept (generated at first start when missing): never inside the database. */
  auditKeyFile: string;
  /** The append-only file of keyed checkpoints of the audit chain's head (server/auditCheckpoints.ts). */
  auditCheckpointFile: string;
  /**
   * Keep the most read replies until the next write (TUIJIN_KEPT_REPLIES=1, the default; 0 computes
   * every reply, for measuring what keeping them saves: bench/bareReads.ts).
   */
  keptReplies: boolean;
  /**
   * The address users open the platform at (TUIJIN_PUBLIC_URL, e.g. https://tuijin.example.gov.cn),
   * no trailing slash: the e-mailed digests link their lines to it. Unset, the mails carry no links.
   */
  publicUrl: string | undefined;
  /** Append every SQL statement and its parameters, one JSON line each, to this file (TUIJIN_SQL_LOG; diagnostics and the bench only). */
  sqlLog: string | undefined;
  /** Daily backups (TUIJIN_BACKUP_*): where they go, when (Asia/Shanghai; null: no scheduled backups), how many are kept. */
  backup: BackupSchedule;
}

export interface BackupSchedule {
  dir: string;
  /** Minutes after 00:00 Asia/Shanghai; null when TUIJIN_BACKUP_TIME=off. */
  atMinute: number | null;
  keep: number;
}

const AUTH_ENV: Record<keyof AuthLimits, string> = {
  perAddressPerMinute: 'TUIJIN_AUTH_PER_ADDRESS',
  overallPerMinute: 'TUIJIN_AUTH_OVERALL',
  concurrency: 'TUIJIN_AUTH_CONCURRENCY',
  queue: 'TUIJIN_AUTH_QUEUE',
};

const PUBLIC_ENV: Record<keyof PublicLimits, string> = {
  submitPerAddress: 'TUIJIN_PUBLIC_SUBMIT_PER_ADDRESS',
  submitWindowSeconds: 'TUIJIN_PUBLIC_SUBMIT_WINDOW_SECONDS',
  submitOverallPerMinute: 'TUIJIN_PUBLIC_SUBMIT_OVERALL',
  lookupPerAddressPerMinute: 'TUIJIN_PUBLIC_LOOKUP_PER_ADDRESS',
  lookupOverallPerMinute: 'TUIJIN_PUBLIC_LOOKUP_OVERALL',
  readPerAddressPerMinute: 'TUIJIN_PUBLIC_READ_PER_ADDRESS',
};

function authLimits(env: NodeJS.ProcessEnv): AuthLimits {
  return wholeNumbers(env, DEFAULT_AUTH_LIMITS, AUTH_ENV);
}

function wholeNumbers<T extends object>(env: NodeJS.ProcessEnv, defaults: T, names: Record<keyof T, string>): T {
  const out = { ...defaults } as Record<keyof T, number>;
  for (const [k, name] of Object.entries(names) as [keyof T, string][]) {
    const raw = env[name];
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error(`${name} must be a whole number from 1 to 10000000, got "${raw}"`);
    out[k] = n;
  }
  return out as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTTY = !!process.stdout.isTTY): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const pool = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : defaultPoolSize();
  if (!Number.isInteger(pool) || pool < 1 || pool > 1000) throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${env.DATABASE_POOL_SIZE}"`);
  const parallel = Number(env.DATABASE_PARALLEL_WORKERS ?? 0);
  if (!/^\d+$/.test(env.DATABASE_PARALLEL_WORKERS ?? '0') || parallel > 64) throw new Error(`DATABASE_PARALLEL_WORKERS must be a whole number from 0 to 64, got "${env.DATABASE_PARALLEL_WORKERS}"`);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: pool,
    databaseParallelWorkers: parallel,
    demoPassword: env.TUIJIN_DEMO_PASSWORD || undefined,
    demo: demoWanted(env.TUIJIN_DEMO),
    bootstrapFile: env.TUIJIN_BOOTSTRAP_FILE ? path.resolve(env.TUIJIN_BOOTSTRAP_FILE) : undefined,
    secureCookies: env.TUIJIN_SECURE_COOKIES === '1',
    logLevel: logLevel(env.LOG_LEVEL),
    consoleText: consoleText(env.TUIJIN_CONSOLE, stdoutIsTTY),
    shutdownTimeoutMs: shutdownTimeout(env.TUIJIN_SHUTDOWN_TIMEOUT_MS),
    metricsToken: metricsToken(env.TUIJIN_METRICS_TOKEN),
    webDir: path.resolve(env.TUIJIN_WEB_DIR ?? './dist/web'),
    http: httpLimits(env),
    authLimits: authLimits(env),
    publicLimits: wholeNumbers(env, DEFAULT_PUBLIC_LIMITS, PUBLIC_ENV),
    trustProxy: env.TUIJIN_TRUST_PROXY ? env.TUIJIN_TRUST_PROXY.split(',').map((a) => a.trim()).filter(Boolean) : undefined,
    auditKey: env.TUIJIN_AUDIT_KEY || undefined,
    auditKeyFile: path.resolve(env.TUIJIN_AUDIT_KEY_FILE || path.join(dataDir, 'audit.key')),
    auditCheckpointFile: path.resolve(env.TUIJIN_AUDIT_CHECKPOINTS || path.join(dataDir, checkpointFileName(env.DATABASE_URL || undefined))),
    keptReplies: flag(env, 'TUIJIN_KEPT_REPLIES', true),
    sqlLog: env.TUIJIN_SQL_LOG ? path.resolve(env.TUIJIN_SQL_LOG) : undefined,
    publicUrl: publicUrl(env.TUIJIN_PUBLIC_URL),
    backup: {
      dir: path.resolve(env.TUIJIN_BACKUP_DIR || path.join(dataDir, 'backups')),
      atMinute: backupTime(env.TUIJIN_BACKUP_TIME),
      keep: wholeNumber(env, 'TUIJIN_BACKUP_KEEP', 7, 1, 1000),
    },
  };
}

/** TUIJIN_BACKUP_TIME: HH:MM in Asia/Shanghai (default 03:00, when the program is quiet), or `off`. */
function backupTime(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 3 * 60;
  if (raw === 'off') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new Error(`TUIJIN_BACKUP_TIME must be a time of day HH:MM (Asia/Shanghai, e.g. 03:00) or off, got "${raw}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function consoleText(raw: string | undefined, isTTY: boolean): boolean {
  if (raw === undefined || raw === '') return isTTY;
  if (raw === 'text' || raw === 'json') return raw === 'text';
  throw new Error(`TUIJIN_CONSOLE must be text or json, got "${raw}"`);
}

/** How long a shutdown waits for the requests in flight (TUIJIN_SHUTDOWN_TIMEOUT_MS) before it ends the process anyway. */
function shutdownTimeout(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 600_000) throw new Error(`TUIJIN_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000, got "${raw}"`);
  return n;
}

function metricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) throw new Error('TUIJIN_METRICS_TOKEN must be at least 16 printable characters without spaces');
  return raw;
}

function demoWanted(raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === '0') return raw === '1';
  throw new Error(`TUIJIN_DEMO must be 1 (load the demo into an empty database) or 0 (never), got "${raw}"`);
}

function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const u = URL.canParse(raw) ? new URL(raw) : null;
  if (!u || !/^https?:$/.test(u.protocol) || u.search || u.hash) throw new Error(`TUIJIN_PUBLIC_URL must be an http(s) address like https://tuijin.example.gov.cn, got "${raw}"`);
  return u.toString().replace(/\/+$/, '');
}

/** 1 or 0 from the variable, or the default; anything else names the variable. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === '0') return raw === '1';
  throw new Error(`${name} must be 1 or 0, got "${raw}"`);
}

/** A whole number from `min` to `max` from the variable, or the default; a bad value names the variable. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function httpLimits(env: NodeJS.ProcessEnv): HttpLimits {
  const d = DEFAULT_HTTP_LIMITS;
  const hour = 3_600_000;
  const limits = {
    headersTimeoutMs: wholeNumber(env, 'HTTP_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 100, hour),
    requestTimeoutMs: wholeNumber(env, 'HTTP_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 100, hour),
    idleTimeoutMs: wholeNumber(env, 'HTTP_IDLE_TIMEOUT_MS', d.idleTimeoutMs, 100, hour),
    keepAliveTimeoutMs: wholeNumber(env, 'HTTP_KEEPALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs, 100, hour),
    maxConnectionsPerIp: wholeNumber(env, 'HTTP_MAX_CONNECTIONS_PER_IP', d.maxConnectionsPerIp, 0, 1_000_000),
  };
  // Node refuses to start otherwise; say which variables to change.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`);
  return limits;
}

/**
 * One checkpoint file per database: the embedded one's sits beside it; a server's is named after
 * the database, host and port, so that two databases checked from one folder never share one.
 */
function checkpointFileName(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'audit-checkpoints.log';
  const u = new URL(databaseUrl);
  const name = `${u.pathname.slice(1) || 'postgres'}@${u.hostname}-${u.port || '5432'}`.replace(/[^\w.@-]/g, '_');
  return `audit-checkpoints-${name}.log`;
}

/**
 * Twice the cores plus one, PostgreSQL's own rule of thumb, for a server on this machine: with more
 * connections than cores can serve, the statements only take turns on them, and each costs more
 * (on 2 cores, a pool of 20 cost PostgreSQL 1.4 ms CPU a submission, a pool of 5 cost 0.9 ms).
 * A bigger database machine sets DATABASE_POOL_SIZE.
 */
export function defaultPoolSize(): number {
  return 2 * os.availableParallelism() + 1;
}
