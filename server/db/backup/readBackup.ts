import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BACKUP_FORMAT, checksumFileOf, knownMigrationTags, MANIFEST_ENTRY, type BackupManifest } from './manifest.js';
import { readTar, TarFormatError, type TarEntry } from './tar.js';

/** A backup that fails one of the checks, named by `check`; nothing has been written when it is thrown before the load. */
export class BackupCheckError extends Error {
  constructor(
    readonly check: 'checksum file' | 'archive checksum' | 'gzip' | 'tar' | 'manifest' | 'entry hash' | 'schema level',
    message: string,
  ) {
    super(`${check}: ${message}`);
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The archive's entries, decompressed; damaged bytes become the check that found them. */
export async function* archiveEntries(file: string): AsyncGenerator<TarEntry & { sha256: string }> {
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    for await (const e of readTar(gunzip)) yield { ...e, sha256: createHash('sha256').update(e.data).digest('hex') };
  } catch (e) {
    if (e instanceof TarFormatError) throw new BackupCheckError('tar', e.message);
    if ((e as { code?: string }).code?.startsWith('Z_')) throw new BackupCheckError('gzip', `the compressed data is damaged (${(e as Error).message})`);
    throw e;
  } finally {
    gunzip.destroy();
  }
}

function parseManifest(data: Buffer): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(data.toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupCheckError('manifest', `${MANIFEST_ENTRY} is not JSON`);
  }
  if (m?.format !== BACKUP_FORMAT || m.version !== 1 || !Array.isArray(m.tables) || !Array.isArray(m.files) || !Array.isArray(m.sequences) || typeof m.migrations?.count !== 'number') {
    throw new BackupCheckError('manifest', `${MANIFEST_ENTRY} is not a Tuijin backup manifest (format ${BACKUP_FORMAT}, version 1)`);
  }
  return m;
}

/**
 * Every check that needs no database, before anything is written: the archive's SHA-256 against
 * its checksum file, the compression, every entry against the hash the manifest gives it (none
 * missing, none extra), and a schema level this code knows.
 */
export async function checkBackup(file: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupCheckError('checksum file', `${file} does not exist`);
  const sumFile = checksumFileOf(file);
  if (!fs.existsSync(sumFile)) throw new BackupCheckError('checksum file', `${path.basename(sumFile)} is missing beside the archive (a backup is complete only with it)`);
  const expected = fs.readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0] ?? '';
  const actual = await fileSha256(file);
  if (expected !== actual) throw new BackupCheckError('archive checksum', `the archive's SHA-256 is ${actual}, its checksum file says ${expected}: the file was altered or damaged`);
  const seen = new Map<string, string>();
  let manifest: BackupManifest | null = null;
  for await (const e of archiveEntries(file)) {
    if (e.name === MANIFEST_ENTRY) manifest = parseManifest(e.data);
    else seen.set(e.name, e.sha256);
  }
  if (!manifest) throw new BackupCheckError('manifest', `the archive has no ${MANIFEST_ENTRY} (cut short?)`);
  const listed = new Set<string>();
  for (const t of manifest.tables) {
    for (const p of t.parts) {
      listed.add(p.entry);
      const got = seen.get(p.entry);
      if (got === undefined) throw new BackupCheckError('entry hash', `${p.entry} (table ${t.name}) is missing from the archive`);
      if (got !== p.sha256) throw new BackupCheckError('entry hash', `${p.entry} (table ${t.name}) does not hash to what the manifest says`);
    }
  }
  const extra = [...seen.keys()].filter((n) => !listed.has(n));
  if (extra.length) throw new BackupCheckError('entry hash', `entries the manifest does not list: ${extra.slice(0, 5).join(', ')}`);
  const tags = knownMigrationTags();
  if (manifest.migrations.count > tags.length) {
    throw new BackupCheckError('schema level', `the backup is at migration ${manifest.migrations.count} (${manifest.migrations.last}), this code knows ${tags.length}: restore it with the newer version that wrote it`);
  }
  if (manifest.migrations.count > 0 && tags[manifest.migrations.count - 1] !== manifest.migrations.last) {
    throw new BackupCheckError('schema level', `the backup's migration ${manifest.migrations.count} is ${manifest.migrations.last}, this code's is ${tags[manifest.migrations.count - 1]}`);
  }
  return manifest;
}
