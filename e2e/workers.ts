/**
 * How many test files run at once, each worker with its own server. A browser flow mostly waits
 * (for the server, for animations), so one alone keeps about half of the two cores busy; two keep
 * both. E2E_WORKERS=1 runs them one after the other.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
