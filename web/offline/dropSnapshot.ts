import { SNAPSHOT_ID } from '../sw/swRules.js';

/**
 * Removes the kept first screen the service worker drew before the app (web/sw/serviceWorker.ts
 * shellWithSnapshot), once the app shows something of its own: the workbench's lines, an error, or
 * another page. Tiny on purpose: the router, part of the login page's JS, calls it.
 */
export function dropSnapshot(): void {
  document.getElementById(SNAPSHOT_ID)?.remove();
}
