/**
 * What a file is, by its first bytes (its "magic number"), whatever its name or the sender's MIME
 * type claim. Pure, on a Uint8Array, so that the server decides by it and the web app can say the
 * same before a file is sent.
 */

/** The types told apart by their first bytes alone. */
export type SniffedType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

/** Whether `bytes` hold `sig` at offset `at`. */
export const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((x, i) => bytes[at + i] === x);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = ascii('%PDF-');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');

/** The type the bytes are, or undefined when they are none of {@link SniffedType}. */
export function sniffType(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return undefined;
}
