import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('sizes the database pool to the cores unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({}).databasePoolSize).toBe(2 * os.availableParallelism() + 1);
    expect(loadConfig({ DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
  });

  it('refuses a pool size that is not a whole number of connections, naming the variable', () => {
    for (const bad of ['0', '-3', '2.5', 'many', '100000']) {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${bad}"`);
    }
  });

  it('keeps the audit key and one checkpoint file per database in DATA_DIR unless told otherwise', () => {
    const c = loadConfig({ DATA_DIR: '/srv/tuijin' });
    expect([c.auditKey, c.auditKeyFile, c.auditCheckpointFile]).toEqual([undefined, '/srv/tuijin/audit.key', '/srv/tuijin/audit-checkpoints.log']);
    expect(loadConfig({ DATA_DIR: '/srv/tuijin', DATABASE_URL: 'postgres://app@db.internal/tuijin' }).auditCheckpointFile).toBe('/srv/tuijin/audit-checkpoints-tuijin@db.internal-5432.log');
    const set = loadConfig({ TUIJIN_AUDIT_KEY: 'k'.repeat(32), TUIJIN_AUDIT_KEY_FILE: '/etc/tuijin/audit.key', TUIJIN_AUDIT_CHECKPOINTS: '/var/log/tuijin/cp.log' });
    expect([set.auditKey, set.auditKeyFile, set.auditCheckpointFile]).toEqual(['k'.repeat(32), '/etc/tuijin/audit.key', '/var/log/tuijin/cp.log']);
  });
});
