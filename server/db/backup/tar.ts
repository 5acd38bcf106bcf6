// The few parts of POSIX ustar a backup needs: regular files with short names, written and read as
// streams. Written here rather than taken from a package: the project depends on no tar library,
// and an archive format an operator trusts with the only copy of the records should be one whose
// every byte the project can read back (`tar -tzf` and `tar -xzf` read it too).

const BLOCK = 512;
const MAX_ENTRY_BYTES = 8 ** 11 - 1; // what an 11-digit octal size field holds

export interface TarEntry {
  name: string;
  data: Buffer;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar entry name longer than 100 bytes: ${name}`);
  if (size > MAX_ENTRY_BYTES) throw new Error(`tar entry too large: ${name}`);
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive's bytes, entry by entry, then the two zero blocks that end it. */
export async function* tarStream(entries: AsyncIterable<TarEntry>, mtime: Date): AsyncGenerator<Buffer> {
  for await (const e of entries) {
    yield header(e.name, e.data.length, mtime);
    yield e.data;
    const pad = padding(e.data.length);
    if (pad.length) yield pad;
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Thrown for bytes that are not the archive we wrote: a torn or altered file. */
export class TarFormatError extends Error {}

function checksumOk(h: Buffer): boolean {
  const stored = parseInt(h.subarray(148, 156).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return stored === sum;
}

/** Reads the entries back from the (decompressed) bytes; an entry is held whole, so entries stay small (the writer cuts tables into parts). */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  let buf: Buffer = Buffer.alloc(0);
  let ended = false;
  const it = source[Symbol.asyncIterator]();
  const need = async (n: number) => {
    const parts: Buffer[] = [buf];
    let have = buf.length;
    while (have < n) {
      const next = await it.next();
      if (next.done) throw new TarFormatError('the archive ends in the middle of an entry (truncated)');
      parts.push(next.value);
      have += next.value.length;
    }
    buf = Buffer.concat(parts, have);
  };
  for (;;) {
    await need(BLOCK);
    const h = buf.subarray(0, BLOCK);
    if (h.every((b) => b === 0)) {
      ended = true;
      break;
    }
    if (!checksumOk(h)) throw new TarFormatError('an entry header is damaged (tar header checksum)');
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`entry ${name} has no valid size`);
    const total = BLOCK + size + padding(size).length;
    await need(total);
    const data = Buffer.from(buf.subarray(BLOCK, BLOCK + size));
    buf = buf.subarray(total);
    yield { name, data };
  }
  if (!ended) throw new TarFormatError('the archive has no end marker (truncated)');
}
