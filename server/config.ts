import os from 'node:os';
import path from 'node:path';

/** Runtime configuration, read once from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  /** Connections to that server. */
  databasePoolSize: number;
  /** When set, every demo account gets this password and no forced change. */
  demoPassword: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  webDir: string;
  /** The audit checkpoints' HMAC key itself (TUIJIN_AUDIT_KEY); else read from auditKeyFile. */
  auditKey: string | undefined;
  /** Where the audit key is kept (generated at first start when missing): never inside the database. */
  auditKeyFile: string;
  /** The append-only file of keyed checkpoints of the audit chain's head (server/auditCheckpoints.ts). */
  auditCheckpointFile: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const pool = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : defaultPoolSize();
  if (!Number.isInteger(pool) || pool < 1 || pool > 1000) throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${env.DATABASE_POOL_SIZE}"`);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: pool,
    demoPassword: env.TUIJIN_DEMO_PASSWORD || undefined,
    secureCookies: env.TUIJIN_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.TUIJIN_WEB_DIR ?? './dist/web'),
    auditKey: env.TUIJIN_AUDIT_KEY || undefined,
    auditKeyFile: path.resolve(env.TUIJIN_AUDIT_KEY_FILE || path.join(dataDir, 'audit.key')),
    auditCheckpointFile: path.resolve(env.TUIJIN_AUDIT_CHECKPOINTS || path.join(dataDir, checkpointFileName(env.DATABASE_URL || undefined))),
  };
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
