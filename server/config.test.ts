import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_HTTP_LIMITS } from './httpLimits.js';

describe('configuration from the environment', () => {
  it('sizes the database pool to the cores unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({}).databasePoolSize).toBe(2 * os.availableParallelism() + 1);
    expect(loadConfig({ DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
  });

  it('keeps LOG_LEVEL as given (info by default) and refuses a level pino does not have, naming the variable', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    for (const bad of ['verbose', 'INFO', ' warn']) expect(() => loadConfig({ LOG_LEVEL: bad })).toThrow(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${bad}"`);
  });

  it('prints the start for a person on a terminal or when TUIJIN_CONSOLE=text, only logs it under a service manager, refusing other values', () => {
    expect(loadConfig({}, true).consoleText).toBe(true);
    expect(loadConfig({}, false).consoleText).toBe(false);
    expect(loadConfig({ TUIJIN_CONSOLE: 'text' }, false).consoleText).toBe(true);
    expect(loadConfig({ TUIJIN_CONSOLE: 'json' }, true).consoleText).toBe(false);
    expect(() => loadConfig({ TUIJIN_CONSOLE: 'pretty' })).toThrow('TUIJIN_CONSOLE must be text or json, got "pretty"');
  });

  it('backs up daily at 03:00 Asia/Shanghai into DATA_DIR/backups keeping 7, unless TUIJIN_BACKUP_* say otherwise, refusing nonsense', () => {
    expect(loadConfig({ DATA_DIR: '/srv/tuijin' }).backup).toEqual({ dir: '/srv/tuijin/backups', atMinute: 180, keep: 7 });
    expect(loadConfig({ TUIJIN_BACKUP_DIR: '/mnt/backups', TUIJIN_BACKUP_TIME: '23:30', TUIJIN_BACKUP_KEEP: '30' }).backup).toEqual({ dir: '/mnt/backups', atMinute: 23 * 60 + 30, keep: 30 });
    expect(loadConfig({ TUIJIN_BACKUP_TIME: 'off' }).backup.atMinute).toBeNull();
    for (const bad of ['3:00', '24:00', '03:60', 'nightly']) expect(() => loadConfig({ TUIJIN_BACKUP_TIME: bad })).toThrow(`TUIJIN_BACKUP_TIME must be a time of day HH:MM (Asia/Shanghai, e.g. 03:00) or off, got "${bad}"`);
    for (const bad of ['0', '-1', '2.5', 'all']) expect(() => loadConfig({ TUIJIN_BACKUP_KEEP: bad })).toThrow(`TUIJIN_BACKUP_KEEP must be a whole number from 1 to 1000, got "${bad}"`);
  });

  it('waits 10 s for requests in flight at shutdown unless TUIJIN_SHUTDOWN_TIMEOUT_MS says otherwise', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ TUIJIN_SHUTDOWN_TIMEOUT_MS: '30000' }).shutdownTimeoutMs).toBe(30_000);
    expect(() => loadConfig({ TUIJIN_SHUTDOWN_TIMEOUT_MS: 'forever' })).toThrow('TUIJIN_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000, got "forever"');
  });

  it('takes a metrics token of at least 16 printable characters, and none by default', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ TUIJIN_METRICS_TOKEN: 'abcdefghijklmnop' }).metricsToken).toBe('abcdefghijklmnop');
    for (const bad of ['short', 'sixteen chars ok', 'abcdefghijklmno\u00e9']) expect(() => loadConfig({ TUIJIN_METRICS_TOKEN: bad })).toThrow('TUIJIN_METRICS_TOKEN must be at least 16 printable characters without spaces');
  });

  it('turns PostgreSQL’s parallel workers off for the app’s connections unless DATABASE_PARALLEL_WORKERS says how many, refusing other values', () => {
    expect(loadConfig({}).databaseParallelWorkers).toBe(0);
    expect(loadConfig({ DATABASE_PARALLEL_WORKERS: '4' }).databaseParallelWorkers).toBe(4);
    for (const bad of ['-1', '2.5', 'some', '65', ' 2']) expect(() => loadConfig({ DATABASE_PARALLEL_WORKERS: bad })).toThrow(`DATABASE_PARALLEL_WORKERS must be a whole number from 0 to 64, got "${bad}"`);
  });

  it('refuses a pool size that is not a whole number of connections, naming the variable', () => {
    for (const bad of ['0', '-3', '2.5', 'many', '100000']) {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${bad}"`);
    }
  });

  it('times requests out by default, and takes the deadlines and the connections per address from HTTP_* variables', () => {
    expect(loadConfig({}).http).toEqual(DEFAULT_HTTP_LIMITS);
    expect(DEFAULT_HTTP_LIMITS.requestTimeoutMs).toBeGreaterThan(0);
    expect(
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '30000', HTTP_IDLE_TIMEOUT_MS: '20000', HTTP_KEEPALIVE_TIMEOUT_MS: '5000', HTTP_MAX_CONNECTIONS_PER_IP: '0' }).http,
    ).toEqual({ headersTimeoutMs: 5000, requestTimeoutMs: 30000, idleTimeoutMs: 20000, keepAliveTimeoutMs: 5000, maxConnectionsPerIp: 0 });
  });

  it('refuses a deadline that is no whole number, or headers given longer than the whole request, naming the variables', () => {
    for (const bad of ['0', '-1', '1.5', 'soon']) expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: bad })).toThrow(`HTTP_REQUEST_TIMEOUT_MS must be a whole number from 100 to 3600000, got "${bad}"`);
    expect(() => loadConfig({ HTTP_MAX_CONNECTIONS_PER_IP: '-1' })).toThrow('HTTP_MAX_CONNECTIONS_PER_IP must be a whole number from 0 to 1000000, got "-1"');
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow('HTTP_HEADERS_TIMEOUT_MS (20000) must not exceed HTTP_REQUEST_TIMEOUT_MS (10000)');
  });

  it('protects logins by default and lets TUIJIN_AUTH_* loosen it for benchmarks, refusing nonsense', () => {
    expect(loadConfig({}).authLimits).toMatchObject({ perAddressPerMinute: 30, overallPerMinute: 600, queue: 32 });
    expect(loadConfig({ TUIJIN_AUTH_PER_ADDRESS: '100000', TUIJIN_AUTH_QUEUE: '500' }).authLimits).toMatchObject({ perAddressPerMinute: 100000, queue: 500 });
    expect(() => loadConfig({ TUIJIN_AUTH_OVERALL: '0' })).toThrow('TUIJIN_AUTH_OVERALL must be a whole number');
  });

  it('trusts X-Forwarded-For only from the proxies TUIJIN_TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TUIJIN_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('keeps the audit key and one checkpoint file per database in DATA_DIR unless told otherwise', () => {
    const c = loadConfig({ DATA_DIR: '/srv/tuijin' });
    expect([c.auditKey, c.auditKeyFile, c.auditCheckpointFile]).toEqual([undefined, '/srv/tuijin/audit.key', '/srv/tuijin/audit-checkpoints.log']);
    expect(loadConfig({ DATA_DIR: '/srv/tuijin', DATABASE_URL: 'postgres://app@db.internal/tuijin' }).auditCheckpointFile).toBe('/srv/tuijin/audit-checkpoints-tuijin@db.internal-5432.log');
    const set = loadConfig({ TUIJIN_AUDIT_KEY: 'k'.repeat(32), TUIJIN_AUDIT_KEY_FILE: '/etc/tuijin/audit.key', TUIJIN_AUDIT_CHECKPOINTS: '/var/log/tuijin/cp.log' });
    expect([set.auditKey, set.auditKeyFile, set.auditCheckpointFile]).toEqual(['k'.repeat(32), '/etc/tuijin/audit.key', '/var/log/tuijin/cp.log']);
  });

  it('leaves the demo to the kind of database unless TUIJIN_DEMO says 1 or 0, and takes the first admins\' file from TUIJIN_BOOTSTRAP_FILE', () => {
    expect(loadConfig({}).demo).toBeUndefined();
    expect([loadConfig({ TUIJIN_DEMO: '1' }).demo, loadConfig({ TUIJIN_DEMO: '0' }).demo, loadConfig({ TUIJIN_DEMO: '' }).demo]).toEqual([true, false, undefined]);
    expect(() => loadConfig({ TUIJIN_DEMO: 'yes' })).toThrow(/TUIJIN_DEMO must be 1/);
    expect(loadConfig({}).bootstrapFile).toBeUndefined();
    expect(loadConfig({ TUIJIN_BOOTSTRAP_FILE: '/root/first-admins.txt' }).bootstrapFile).toBe('/root/first-admins.txt');
  });
  it('keeps replies unless TUIJIN_KEPT_REPLIES=0, and logs statements only where TUIJIN_SQL_LOG says', () => {
    expect([loadConfig({}).keptReplies, loadConfig({ TUIJIN_KEPT_REPLIES: '0' }).keptReplies, loadConfig({ TUIJIN_KEPT_REPLIES: '1' }).keptReplies]).toEqual([true, false, true]);
    expect(() => loadConfig({ TUIJIN_KEPT_REPLIES: 'off' })).toThrow(/TUIJIN_KEPT_REPLIES must be 1 or 0, got "off"/);
    expect(loadConfig({}).sqlLog).toBeUndefined();
    expect(loadConfig({ TUIJIN_SQL_LOG: 'sql.jsonl' }).sqlLog).toBe(path.resolve('sql.jsonl'));
  });
  it('takes the public address the e-mails link to, without a trailing slash, and refuses one that is not http(s)', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ TUIJIN_PUBLIC_URL: 'https://tuijin.example.gov.cn/' }).publicUrl).toBe('https://tuijin.example.gov.cn');
    expect(loadConfig({ TUIJIN_PUBLIC_URL: 'http://10.0.0.5:3000/tuijin' }).publicUrl).toBe('http://10.0.0.5:3000/tuijin');
    for (const bad of ['tuijin.example.gov.cn', 'ftp://x.cn', 'https://x.cn/?a=1']) expect(() => loadConfig({ TUIJIN_PUBLIC_URL: bad }), bad).toThrow(/TUIJIN_PUBLIC_URL must be an http\(s\) address/);
  });
});
