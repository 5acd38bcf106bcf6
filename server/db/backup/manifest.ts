import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '../client.js';

/** What a backup holds, written last into its archive as `manifest.json`; restore checks everything against it. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  /** When the snapshot was taken (ISO, UTC). */
  createdAt: string;
  source: { kind: 'embedded' | 'server'; name: string };
  /** The schema's level: migrations applied, and the last one's tag (drizzle's journal). */
  migrations: { count: number; last: string | null };
  /** Every table of the `public` schema, its rows and the archive entries holding them. */
  tables: { name: string; rows: number; parts: { entry: string; sha256: string; bytes: number }[] }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** The evidence files (stored in the database by their SHA-256): each must hash to its name after a restore. */
  files: { sha256: string; size: number }[];
  /** The audit chain's head at the snapshot. */
  audit: { lastId: number; lastHash: string };
}

export const BACKUP_FORMAT = 'tuijin-backup';
export const MANIFEST_ENTRY = 'manifest.json';

/** The migrations this code knows, in order (drizzle's journal). */
export function knownMigrationTags(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** Backups are named after their snapshot's time (UTC), so names sort by age. */
const NAME = /^tuijin-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.tar\.gz$/;

export function backupFileName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-07T04:51:00.123Z
  return `tuijin-backup-${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(19)}.tar.gz`;
}

/** The snapshot time a backup's name carries, or null for any other file. */
export function backupTimeOf(fileName: string): Date | null {
  const m = NAME.exec(fileName);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`) : null;
}

/** The checksum file beside an archive, in `sha256sum -c` form. */
export const checksumFileOf = (archive: string) => `${archive}.sha256`;
