import { generate } from 'otplib';

const PERIOD = 30;
/** How close to the end of a time step the previous step is no longer risked (it expires with the step). */
const MARGIN_S = 5;
const lastStep = new Map<string, number>();

/**
 * A code the server has not yet accepted for this secret: it takes each time step's code once and
 * accepts the steps either side of now (server/security/totp.ts), so tests that log one admin in
 * again and again take the previous step (while it has more than a few seconds left), the current
 * one, then the next, and only then wait for time to move on.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const t = Date.now() / 1000;
    const now = Math.floor(t / PERIOD);
    const earliest = t - now * PERIOD < PERIOD - MARGIN_S ? now - 1 : now;
    const step = Math.max(earliest, (lastStep.get(secret) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return generate({ secret, epoch: step * PERIOD });
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * PERIOD * 1000 - Date.now() + 50));
  }
}
