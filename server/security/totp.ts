import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Executor } from '../db/client.js';
import { users } from '../db/schema/index.js';

export const newTotpSecret = (): string => generateSecret();

export async function totpEnrolment(secret: string, account: string) {
  const otpauthUrl = generateURI({ issuer: 'Tuijin', label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 200 });
  return { secret, otpauthUrl, qrDataUrl };
}

/**
 * Accepts the current code and one step either side (clock drift of phones). Gives the time step
 * the code belongs to, or null: the caller spends the step (useTotpStep), so that a code is good once.
 */
export async function checkTotp(secret: string, code: string): Promise<number | null> {
  try {
    const r = await verify({ secret, token: code, epochTolerance: 30 });
    // otplib's verify answers for HOTP too; a TOTP answer carries the time step.
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

/**
 * Spends a code's time step for the user: true when no code of this step or a later one was
 * accepted before. One conditional update, so that of two sessions sending the same code at once
 * only one gets through.
 */
export async function spendTotpStep(tx: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}
