import { uuidV4 } from './outboxState.js';

// The Idempotency-Keys of a reviewer's decisions taken from a list (the unit head's 通过 / 退回 on
// the phone). Pure: the page asks for the key of each request it sends.

/** One decision as it is sent: which report, which step, on which version, with which reason. */
export interface Decision {
  reportId: string;
  action: 'approve' | 'return';
  version: number;
  reason?: string | undefined;
}

/**
 * The same request gets the same key, so a retry after a lost answer is answered with the first
 * answer instead of taking the step again; another request (another version, another reason) gets
 * a new key, since the server refuses a key reused for another request (422).
 */
export function decisionKeys(newKey: () => string = uuidV4) {
  const keys = new Map<string, string>();
  const signature = (d: Decision) => JSON.stringify([d.reportId, d.action, d.version, d.action === 'return' ? (d.reason ?? '') : null]);
  return {
    keyOf(d: Decision): string {
      const sig = signature(d);
      let key = keys.get(sig);
      if (!key) keys.set(sig, (key = newKey()));
      return key;
    },
  };
}
