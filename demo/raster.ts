import { encodeRawPng, type Rgb } from './png.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/**
 * A small canvas for the demo's photos: painted back to front, then encoded as PNG. A pixel is one
 * 32-bit word (RGBA in memory order), so a run of pixels is one native fill: drawing costs a few
 * milliseconds even before the code is optimised, which the first start's budget needs.
 */
export class Raster {
  private readonly px: Uint32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.px = new Uint32Array(width * height);
  }

  /** Pixels x0 … x1 (inclusive) of row y. */
  private span(x0: number, x1: number, y: number, c: Rgb): void {
    const a = Math.max(0, Math.ceil(x0));
    const b = Math.min(this.width - 1, Math.floor(x1));
    if (y < 0 || y >= this.height || b < a) return;
    const row = Math.floor(y) * this.width;
    this.px.fill(LITTLE_ENDIAN ? ((255 << 24) | (byte(c[2]) << 16) | (byte(c[1]) << 8) | byte(c[0])) >>> 0 : ((byte(c[0]) << 24) | (byte(c[1]) << 16) | (byte(c[2]) << 8) | 255) >>> 0, row + a, row + b + 1);
  }

  /** Top-to-bottom gradient over rows y0 … y1. */
  gradient(y0: number, y1: number, top: Rgb, bottom: Rgb): void {
    for (let y = y0; y < y1; y++) {
      const t = (y - y0) / Math.max(1, y1 - y0 - 1);
      this.span(0, this.width - 1, y, [top[0] + (bottom[0] - top[0]) * t, top[1] + (bottom[1] - top[1]) * t, top[2] + (bottom[2] - top[2]) * t]);
    }
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = y; j < y + h; j++) this.span(x, x + w - 1, j, c);
  }

  /** A filled ellipse centred at (cx, cy); `upper` keeps only its top half (a dome, a greenhouse). */
  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, upper = false): void {
    for (let j = Math.ceil(cy - ry); j <= cy + (upper ? 0 : ry); j++) {
      const half = rx * Math.sqrt(Math.max(0, 1 - ((j - cy) / ry) ** 2));
      this.span(cx - half, cx + half, j, c);
    }
  }

  /** A line `w` pixels wide, drawn as one run of pixels per row it crosses. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, w = 1): void {
    if (y0 === y1) return this.rect(Math.min(x0, x1), Math.round(y0 - w / 2), Math.abs(x1 - x0) + 1, w, c);
    const xAt = (y: number) => x0 + ((x1 - x0) * (Math.min(Math.max(y, Math.min(y0, y1)), Math.max(y0, y1)) - y0)) / (y1 - y0);
    for (let j = Math.round(Math.min(y0, y1)); j <= Math.round(Math.max(y0, y1)); j++) {
      const [a, b] = [xAt(j - 0.5), xAt(j + 0.5)].sort((p, q) => p - q) as [number, number];
      for (let k = 0; k < w; k++) this.span(Math.round(a - w / 2), Math.round(b + w / 2) - 1, j + k - Math.floor(w / 2), c);
    }
  }

  /** A filled polygon (even-odd rule), for hills, roofs and fields. */
  polygon(points: readonly (readonly [number, number])[], c: Rgb): void {
    const ys = points.map((p) => p[1]);
    const xs: number[] = [];
    for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(this.height - 1, Math.ceil(Math.max(...ys))); y++) {
      xs.length = 0;
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[(i + 1) % points.length]!;
        if ((ay <= y && by > y) || (by <= y && ay > y)) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) this.span(xs[k]!, xs[k + 1]!, y, c);
    }
  }

  /** Encoded fast rather than small: the demo draws its photos during the first start. */
  png(): Buffer {
    return encodeRawPng(this.width, this.height, new Uint8Array(this.px.buffer), 4, 1);
  }
}
