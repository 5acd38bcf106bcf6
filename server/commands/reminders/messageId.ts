import { createHash } from 'node:crypto';

/**
 * A message's id from what makes it unique (person, kind, day or notice): a rerun computes the
 * same id, so whatever it writes again collides with what is there instead of adding a copy. Shaped
 * as a UUID (version 8, "custom") so it fits the uuid column and looks like every other id.
 */
export function messageId(userId: string, kind: string, sourceKey: string): string {
  const h = createHash('sha256').update(`tuijin.notification\n${userId}\n${kind}\n${sourceKey}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
