import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EVIDENCE_TYPES } from '../domain/schemas/evidence.js';

/** One of the demo's evidence files: real bytes, stored once by SHA-256 and reused by many reports. */
export interface DemoFile {
  key: DemoFileKey;
  /** What people call it; a report's copy is named `title（period）.ext`. */
  title: string;
  ext: 'png' | 'pdf';
  mime: string;
  bytes: Buffer;
  sha256: string;
}

export type DemoFileKey = 'site' | 'factory' | 'fields' | 'meeting' | 'river' | 'note' | 'ledger' | 'stats';

/**
 * Committed files (demo/fixtures/<key>.<ext>, 2–8 KB each): 320 × 240 drawings of a site, a
 * factory, fields, a meeting and a river, and one-page PDFs whose Chinese text uses the reader's
 * own STSong-Light, so that nothing is embedded. Files rather than code that draws them: the demo
 * needs a few pictures, not an image encoder to maintain.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

const TITLES: Record<DemoFileKey, [string, 'png' | 'pdf']> = {
  site: ['施工现场照片', 'png'],
  factory: ['企业生产现场照片', 'png'],
  fields: ['田间现场照片', 'png'],
  meeting: ['专题推进会照片', 'png'],
  river: ['河道整治现场照片', 'png'],
  note: ['工作推进情况说明', 'pdf'],
  ledger: ['工作台账', 'pdf'],
  stats: ['统计报表', 'pdf'],
};

let made: Map<DemoFileKey, DemoFile> | undefined;

/** The demo's evidence files, read once per process. */
export function demoFiles(): Map<DemoFileKey, DemoFile> {
  made ??= new Map(
    Object.entries(TITLES).map(([key, [title, ext]]) => {
      const bytes = fs.readFileSync(path.join(FIXTURES, `${key}.${ext}`));
      return [key as DemoFileKey, { key: key as DemoFileKey, title, ext, mime: EVIDENCE_TYPES[ext], bytes, sha256: createHash('sha256').update(bytes).digest('hex') }];
    }),
  );
  return made;
}
