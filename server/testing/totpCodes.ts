import { generate } from 'otplib';

const PERIOD = 30;
const lastStep = new Map<string, number>();

/**
 * A code the server has not yet accepted for this secret: it takes each time step's code once and
 * accepts the steps either side of now, so tests that log one admin in again and again take the
 * current step, then the next, and wait for time to move on when both are spent.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / PERIOD);
    const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return generate({ secret, epoch: step * PERIOD });
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * PERIOD * 1000 - Date.now() + 50));
  }
}
