import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointLine, loadAuditKey, readCheckpoints, startAuditCheckpoints } from './auditCheckpoints.js';

describe('the audit key and its checkpoints', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('generates a key file readable by its owner alone at first start, and reads the same key after', () => {
    const file = path.join(tmp(), 'sub', 'audit.key');
    expect(loadAuditKey({ auditKey: undefined, auditKeyFile: file }, { create: false })).toBeNull();
    const made = loadAuditKey({ auditKey: undefined, auditKeyFile: file }, { create: true })!;
    expect(made).toMatchObject({ created: true, source: file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadAuditKey({ auditKey: undefined, auditKeyFile: file }, { create: true })!;
    expect(again.created).toBe(false);
    expect(again.key.equals(made.key)).toBe(true);
    expect(again.warning).toBeUndefined();
    fs.chmodSync(file, 0o644);
    expect(loadAuditKey({ auditKey: undefined, auditKeyFile: file }, { create: false })!.warning).toContain(`chmod 600 ${file}`);
  });

  it('prefers TUIJIN_AUDIT_KEY, and refuses a short key with a way to make one', () => {
    const file = path.join(tmp(), 'audit.key');
    expect(loadAuditKey({ auditKey: 'x'.repeat(40), auditKeyFile: file }, { create: true })).toMatchObject({ source: 'TUIJIN_AUDIT_KEY', created: false });
    expect(fs.existsSync(file)).toBe(false);
    expect(() => loadAuditKey({ auditKey: 'short', auditKeyFile: file }, { create: true })).toThrow(/openssl rand -hex 32/);
  });

  it('accepts lines written with the key, names lines that are not, and ignores a line cut short', () => {
    const file = path.join(tmp(), 'audit-checkpoints.log');
    const key = Buffer.from('k'.repeat(40));
    const good = checkpointLine(key, 7, 'a'.repeat(64), '2026-12-01T00:00:00.000Z');
    const altered = good.replace('"id":7', '"id":8');
    fs.writeFileSync(file, good + altered + checkpointLine(Buffer.from('z'.repeat(40)), 9, 'b'.repeat(64)) + good.slice(0, 20));
    expect(readCheckpoints(file, key)).toEqual({ checkpoints: [{ id: 7, hash: 'a'.repeat(64), at: '2026-12-01T00:00:00.000Z', line: 1 }], forged: [2, 3], cutShort: true });
    expect(readCheckpoints(path.join(tmp(), 'none'), key)).toEqual({ checkpoints: [], forged: [], cutShort: false });
  });
});

describe('a checkpoint file after a crash', () => {
  it('keeps a line cut short on its own line, so that the next checkpoint still reads', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-cut-'));
    try {
      const file = path.join(dir, 'cp.log');
      const key = Buffer.from('k'.repeat(40));
      fs.writeFileSync(file, checkpointLine(key, 1, 'a'.repeat(64)) + '{"v":1,"id":2,"ha');
      const head = { id: 1, lastId: 3, lastHash: 'c'.repeat(64) };
      const database = { db: { select: () => ({ from: () => ({ where: async () => [head] }) }) } } as unknown as Parameters<typeof startAuditCheckpoints>[0];
      await startAuditCheckpoints(database, { key, file, intervalMs: 3_600_000, log: () => {} }).stop();
      expect(readCheckpoints(file, key)).toMatchObject({ checkpoints: [{ id: 1 }, { id: 3, hash: 'c'.repeat(64) }], forged: [], cutShort: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
