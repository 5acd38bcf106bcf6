import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's second recommended setting (19 MiB, 2 passes): about 30 ms here, keeping
 * the login p95 well under 150 ms on two cores.
 */
const PARAMS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string): Promise<string> => hash(pw, PARAMS);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password nobody knows, with PARAMS: unknown accounts are checked against it,
 * so that they cost what a known account costs, from the first request on (timing must not tell
 * which accounts exist). If PARAMS change, this must be made again with them.
 */
const NOBODY = '$argon2id$v=19$m=19456,t=2,p=1$0uiooYXz1Iwn7fFAEZ/Bcw$G3To29+dfaA/RcB8Gv/883NIhCns+lfGtSSCy1wRghI';
export async function burnPasswordCheck(pw: string): Promise<void> {
  await verifyPassword(NOBODY, pw);
}

const ALPHABET = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  symbol: '#%+=@!',
};
/** A random initial password meeting any policy up to 4 classes (unambiguous characters). */
export function randomPassword(length = 12): string {
  const sets = Object.values(ALPHABET);
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
