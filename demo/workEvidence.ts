import { sql } from 'drizzle-orm';
import type { ItemType } from '../domain/work.js';
import type { Tx } from '../server/db/client.js';
import { evidence, evidenceUploads, reportEvidence } from '../server/db/schema/index.js';
import { bulkInsert, bulkInsertJson } from './bulkInsert.js';
import { demoFiles, type DemoFile, type DemoFileKey } from './evidenceFiles.js';
import type { DemoRandom } from './workRandom.js';
import type { ReportInsert } from './workReports.js';

const CN_QUARTER = ['一', '二', '三', '四'];

/** 2026-03 → 2026年3月, 2026-Q1 → 2026年一季度, 2026-W09 → 2026年第9周. */
export function periodLabel(period: string): string {
  const [, y, m] = /^(\d{4})-(\d{2})$/.exec(period) ?? [];
  if (y) return `${y}年${Number(m)}月`;
  const [, qy, q] = /^(\d{4})-Q([1-4])$/.exec(period) ?? [];
  if (qy) return `${qy}年${CN_QUARTER[Number(q) - 1]}季度`;
  const [, wy, w] = /^(\d{4})-W(\d{2})$/.exec(period) ?? [];
  return wy ? `${wy}年第${Number(w)}周` : period;
}

/** What a unit attaches on each kind of item: site photos and documents for tasks and projects, statistics for targets. */
const CHOICE: Record<ItemType, { share: number; photos: DemoFileKey[]; docs: DemoFileKey[]; photo: number; doc: number }> = {
  task: { share: 0.2, photos: ['site', 'factory', 'fields', 'meeting', 'river'], docs: ['note', 'ledger'], photo: 0.75, doc: 0.4 },
  project: { share: 0.35, photos: ['site', 'factory'], docs: ['note'], photo: 0.9, doc: 0.3 },
  target: { share: 0.12, photos: [], docs: ['stats'], photo: 0, doc: 1 },
};

/** Reports on their way through the workbenches (submitted … returned) are the ones people open: most carry files. */
const IN_FLOW_SHARE = 0.75;

export interface DemoEvidence {
  files: DemoFile[];
  links: { reportId: string; sha256: string; name: string }[];
  uploads: { sha256: string; userId: string; name: string; uploadedAt: Date }[];
  /** Per file: who uploaded it first (null: someone without a demo account) and when. */
  firstUse: Map<string, { by: string | null; at: Date }>;
}

/**
 * 佐证材料 for the demo's reports: a fifth of the accepted history, most reports still in the flow
 * and a few drafts carry a photo, a document or both — each link costs the first start some 60 µs,
 * so the shares are kept modest. The files are a handful of real ones reused everywhere, as units
 * reuse them (the same bytes are stored once); each report names its copy after the period. Whoever
 * wrote a report with a demo account is recorded as an uploader of its files, as the upload route does.
 */
export function buildEvidence(reports: readonly ReportInsert[], rng: DemoRandom): DemoEvidence {
  const files = demoFiles();
  const out: DemoEvidence = { files: [], links: [], uploads: [], firstUse: new Map() };
  const uploads = new Map<string, DemoEvidence['uploads'][number]>();
  const ordered = [...reports].sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime() || (a.id < b.id ? -1 : 1));
  for (const r of ordered) {
    const choice = CHOICE[r.itemType as ItemType];
    if (!rng.chance(r.status === 'accepted' ? choice.share : r.status === 'draft' ? choice.share / 2 : IN_FLOW_SHARE)) continue;
    const keys = new Set<DemoFileKey>();
    if (choice.photos.length && rng.chance(choice.photo)) keys.add(rng.pick(choice.photos));
    if (choice.photos.length && rng.chance(0.1)) keys.add(rng.pick(choice.photos));
    if (!keys.size || rng.chance(choice.doc)) keys.add(rng.pick(choice.docs));
    for (const key of keys) {
      const f = files.get(key)!;
      const name = `${f.title}（${periodLabel(r.period)}）.${f.ext}`;
      const at = r.createdAt as Date;
      out.links.push({ reportId: r.id, sha256: f.sha256, name });
      if (!out.firstUse.has(f.sha256)) out.firstUse.set(f.sha256, { by: r.createdById ?? null, at });
      const by = r.createdById;
      if (by && !uploads.has(`${f.sha256}/${by}`)) uploads.set(`${f.sha256}/${by}`, { sha256: f.sha256, userId: by, name, uploadedAt: at });
    }
  }
  out.files = [...files.values()].filter((f) => out.firstUse.has(f.sha256));
  out.uploads = [...uploads.values()];
  return out;
}

/** Stores the files once by SHA-256 (content decoded from base64, as uploads are), then uploaders and report links. */
export async function insertEvidence(tx: Tx, e: DemoEvidence): Promise<void> {
  if (!e.files.length) return;
  await tx.insert(evidence).values(
    e.files.map((f) => ({
      sha256: f.sha256,
      size: f.bytes.length,
      mime: f.mime,
      content: sql`decode(${f.bytes.toString('base64')}, 'base64')`,
      createdById: e.firstUse.get(f.sha256)!.by,
      createdAt: e.firstUse.get(f.sha256)!.at,
    })),
  );
  await bulkInsert(tx, evidenceUploads, e.uploads);
  await bulkInsertJson(tx, reportEvidence, e.links);
}
