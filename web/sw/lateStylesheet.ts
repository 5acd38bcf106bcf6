import { LATE_STYLESHEET_ATTR } from './swRules.js';

/**
 * Applies the build's stylesheet the worker held back under the kept first screen (swRules.ts
 * deferStylesheet), and runs `then` once it applies: the app draws with Ant Design's whole CSS, the
 * snapshot was painted with its own rules. With nothing held back, `then` runs at once.
 */
export function applyLateStylesheet(then: () => void): void {
  const link = document.querySelector<HTMLLinkElement>(`link[${LATE_STYLESHEET_ATTR}]`);
  if (!link) return then();
  let done = false;
  const go = (e: Event) => {
    // A load still queued for the preload comes with no sheet: the stylesheet's own is the one awaited.
    if (done || (e.type === 'load' && !link.sheet)) return;
    done = true;
    then();
  };
  link.addEventListener('load', go);
  link.addEventListener('error', go);
  link.removeAttribute(LATE_STYLESHEET_ATTR);
  link.rel = 'stylesheet';
}
