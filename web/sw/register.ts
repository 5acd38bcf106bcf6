import { CLAIM_MESSAGE } from './swRules.js';

/**
 * Registers the service worker (dist/web/sw.js, in the production build only: under Vite's dev
 * server the registration fails quietly) once the page has loaded, so it never competes with the
 * first paint. Kept tiny: it is part of the login page's JS.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const go = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  // A page made while the worker activated can be missed by the worker's claim: once a worker is
  // active, an uncontrolled page asks to be taken (web/sw/serviceWorker.ts).
  void navigator.serviceWorker.ready.then((reg) => {
    if (!navigator.serviceWorker.controller) reg.active?.postMessage(CLAIM_MESSAGE);
  });
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
