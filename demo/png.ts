// A real PNG made in memory (no fixture file, no image library): signature, IHDR, IDAT, IEND with
// their CRCs. Used for the demo district's photos and by the end-to-end tests' uploads.
import zlib from 'node:zlib';

export type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib's own CRC-32 where Node has it (20.15 and later: native, much faster on a cold start); else by table. */
const crc32: (buf: Buffer) => number =
  typeof zlib.crc32 === 'function'
    ? (buf) => zlib.crc32(buf)
    : (buf) => {
        let c = ~0;
        for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
        return ~c >>> 0;
      };

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A width × height 8-bit PNG from its pixels, row by row from the top left: RGB (3 bytes each) or
 * RGBA (4). `level` is zlib's: 1 compresses a photo three times faster than the default, a third larger.
 */
export function encodeRawPng(width: number, height: number, pixels: Uint8Array | Uint8ClampedArray, channels: 3 | 4 = 3, level?: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, channels === 3 ? 2 : 6, 0, 0, 0], 8); // 8-bit depth, truecolour (with alpha), no interlace
  const row = width * channels;
  const raw = Buffer.alloc((1 + row) * height); // each row: filter byte 0 (none), then its pixels
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * row, (y + 1) * row), y * (1 + row) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, level === undefined ? {} : { level })), chunk('IEND', Buffer.alloc(0))]);
}

/** A width × height RGB PNG whose pixel (x, y) — origin top left — is `pixel(x, y)` (0–255 each, clamped). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const rgb = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.set(pixel(x, y), (y * width + x) * 3);
  return encodeRawPng(width, height, rgb);
}

/** A width × height RGB PNG filled with one colour. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  return encodePng(width, height, () => rgb);
}
