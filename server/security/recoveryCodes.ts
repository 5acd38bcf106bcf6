import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH, formatRecoveryCode, isRecoveryCodeShape, normaliseRecoveryCode } from '../../domain/recoveryCodes.js';
import type { Executor } from '../db/client.js';
import { totpRecoveryCodes } from '../db/schema/index.js';

/**
 * A code's stored form: SHA-256 of the user's id and the code. A code carries ~59 random bits, so
 * a slow hash buys little; the user id as salt keeps one table of hashes from serving every user.
 */
const hashOf = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('hex');

function newCode(): string {
  let s = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return s;
}

/** Replaces the user's recovery codes with ten new ones; gives them once, as the user is to write them down. */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newCode());
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await tx.insert(totpRecoveryCodes).values([...codes].map((c) => ({ userId, codeHash: hashOf(userId, c) })));
  return [...codes].map(formatRecoveryCode);
}

/** Forgets a user's recovery codes (their second factor was reset). */
export async function dropRecoveryCodes(tx: Executor, userId: string): Promise<void> {
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
}

/**
 * Spends a code: true when it is one of the user's and unused. One conditional update, so that of
 * two sessions sending the same code at once only one gets through.
 */
export async function spendRecoveryCode(tx: Executor, userId: string, typed: string, at: Date): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  if (!isRecoveryCodeShape(code)) return false;
  const rows = await tx
    .update(totpRecoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(totpRecoveryCodes.userId, userId), eq(totpRecoveryCodes.codeHash, hashOf(userId, code)), isNull(totpRecoveryCodes.usedAt)))
    .returning({ userId: totpRecoveryCodes.userId });
  return rows.length === 1;
}

/** How many unused codes the user has left. */
export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return r?.n ?? 0;
}
