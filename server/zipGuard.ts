import zlib from 'node:zlib';
import { AppError } from './errors.js';

/**
 * What a zip (.xlsx, .docx, .pptx) may unpack to. A zip bomb is a few MB that inflates to GB: a
 * parser (exceljs) given one grew the server to 2.3 GB for half a minute. So every zip is checked
 * here, before anything parses it.
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Sum of the entries' unpacked sizes. */
  maxUnpackedBytes: number;
  /** Unpacked ÷ packed of one entry, for entries above `ratioFloorBytes`. XML packs 5–20 times; deflate can reach 1,032. */
  maxRatio: number;
  /** Below this an entry's ratio does not matter (a 1 KB run of spaces packs 50 times). */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/** For evidence: Office files are kept, not parsed, but people open them. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUnpackedBytes: 100 * MB, maxRatio: 200, ratioFloorBytes: MB };

/** For a sheet the server itself parses: 5,000 rows of five columns are a few MB of XML. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxEntries: 500, maxUnpackedBytes: 20 * MB };

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'not_zip' }
  | { ok: false; reason: 'entries'; max: number }
  | { ok: false; reason: 'size'; max: number }
  | { ok: false; reason: 'ratio'; max: number }
  /** An entry inflates to more than the central directory says: it lies to get past the checks. */
  | { ok: false; reason: 'mismatch' };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const FULL32 = 0xffffffff;

// Reads that answer NaN outside the buffer, so that a mangled offset fails the checks instead of throwing.
const inside = (b: Buffer, at: number, n: number) => Number.isSafeInteger(at) && at >= 0 && at + n <= b.length;
const u16 = (b: Buffer, at: number) => (inside(b, at, 2) ? b.readUInt16LE(at) : NaN);
const u32 = (b: Buffer, at: number) => (inside(b, at, 4) ? b.readUInt32LE(at) : NaN);
const u64 = (b: Buffer, at: number) => (inside(b, at, 8) ? Number(b.readBigUInt64LE(at)) : NaN);

/** Where the central directory is and how many entries it claims, from the end record (ZIP64 too). */
function directory(b: Buffer): { count: number; start: number; size: number } | undefined {
  // The end record is the last 22 bytes plus a comment of at most 64 KB.
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(b, end + 10);
  let size = u32(b, end + 12);
  let start = u32(b, end + 16);
  if (count === 0xffff || size === FULL32 || start === FULL32) {
    if (u32(b, end - 20) !== ZIP64_LOCATOR) return undefined;
    const at = u64(b, end - 20 + 8);
    if (u32(b, at) !== ZIP64_EOCD) return undefined;
    count = u64(b, at + 32);
    size = u64(b, at + 40);
    start = u64(b, at + 48);
  }
  if (![count, size, start].every(Number.isSafeInteger) || start + size > b.length) return undefined;
  return { count, start, size };
}

/**
 * Reads the central directory only — nothing is inflated — and judges the archive by what it
 * declares: entry count, total unpacked size, each entry's ratio. Only stored and deflated,
 * unencrypted entries pass (all that Office writes and all the parsers read).
 */
export function inspectZip(b: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipVerdict {
  const dir = directory(b);
  if (!dir) return { ok: false, reason: 'not_zip' };
  if (dir.count > limits.maxEntries) return { ok: false, reason: 'entries', max: limits.maxEntries };
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = dir.start;
  for (let i = 0; i < dir.count; i++) {
    if (u32(b, at) !== CENTRAL) return { ok: false, reason: 'not_zip' };
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let packed = u32(b, at + 20);
    let unpacked = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let offset = u32(b, at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64: the sizes and offset that did not fit hold 0xFFFFFFFF and follow in extra field 0x0001, in this order.
    const extra = b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; e += 4 + u16(extra, e + 2)) {
      if (u16(extra, e) !== 0x0001) continue;
      let f = e + 4;
      if (unpacked === FULL32) {
        unpacked = u64(extra, f);
        f += 8;
      }
      if (packed === FULL32) {
        packed = u64(extra, f);
        f += 8;
      }
      if (offset === FULL32) offset = u64(extra, f);
    }
    if (![flags, method, packed, unpacked, offset, commentLength].every(Number.isSafeInteger)) return { ok: false, reason: 'not_zip' };
    if (flags & 1 || (method !== STORED && method !== DEFLATED) || (method === STORED && packed !== unpacked)) return { ok: false, reason: 'not_zip' };
    total += unpacked;
    if (total > limits.maxUnpackedBytes) return { ok: false, reason: 'size', max: limits.maxUnpackedBytes };
    if (unpacked > limits.ratioFloorBytes && unpacked > packed * limits.maxRatio) return { ok: false, reason: 'ratio', max: limits.maxRatio };
    entries.push({ name, method, packed, unpacked, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Bytes an entry's deflate stream inflates to, stopping as soon as it passes `cap` (so a bomb costs at most `cap`). */
function inflatedSize(data: Buffer, cap: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', () => resolve(undefined));
    inflate.end(data);
  });
}

/**
 * {@link inspectZip}, then each entry inflated without keeping its bytes, to prove it unpacks to no
 * more than declared: the parsers trust those sizes, so an archive that lies about them is refused.
 * The work is bounded by the declared sizes the first step already accepted.
 */
export async function checkZip(b: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  const verdict = inspectZip(b, limits);
  if (!verdict.ok) return verdict;
  for (const e of verdict.entries) {
    if (u32(b, e.offset) !== LOCAL) return { ok: false, reason: 'not_zip' };
    const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
    if (!Number.isSafeInteger(start) || start + e.packed > b.length) return { ok: false, reason: 'not_zip' };
    if (e.method === STORED) continue;
    const size = await inflatedSize(b.subarray(start, start + e.packed), e.unpacked);
    if (size === undefined) return { ok: false, reason: 'not_zip' };
    if (size > e.unpacked) return { ok: false, reason: 'mismatch' };
  }
  return verdict;
}

/**
 * The one guard every zip passes before it is read: the entry names when the archive is safe,
 * undefined when it is no zip at all (each caller has its own "wrong type" answer), and 413 naming
 * the file when it would unpack too far.
 */
export async function guardZip(b: Buffer, fileName: string, limits: ZipLimits = ZIP_LIMITS): Promise<string[] | undefined> {
  const v = await checkZip(b, limits);
  if (v.ok) return v.entries.map((e) => e.name);
  switch (v.reason) {
    case 'not_zip':
      return undefined;
    case 'entries':
      throw new AppError(413, 'archive_too_many_entries', { file: fileName, max: v.max });
    case 'size':
      throw new AppError(413, 'archive_too_large', { file: fileName, mb: Math.round(v.max / MB) });
    case 'ratio':
      throw new AppError(413, 'archive_ratio', { file: fileName, max: v.max });
    case 'mismatch':
      throw new AppError(413, 'archive_mismatch', { file: fileName });
  }
}
