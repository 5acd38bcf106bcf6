import fs from 'node:fs';
import path from 'node:path';
import { backupTimeOf, checksumFileOf } from './manifest.js';

export interface BackupFile {
  file: string;
  /** The snapshot's time, from the name. */
  at: Date;
  bytes: number;
}

/** The complete backups in `dir` (an archive with its checksum file beside it), newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const present = new Set(names);
  const out: BackupFile[] = [];
  for (const name of names) {
    const at = backupTimeOf(name);
    if (!at || !present.has(path.basename(checksumFileOf(name)))) continue;
    const file = path.join(dir, name);
    try {
      out.push({ file, at, bytes: fs.statSync(file).size });
    } catch {
      /* pruned meanwhile */
    }
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Keeps the newest `keep` backups and deletes the others with their checksum files; returns what it deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) {
    fs.rmSync(checksumFileOf(b.file), { force: true });
    fs.rmSync(b.file, { force: true });
  }
  return old.map((b) => b.file);
}
