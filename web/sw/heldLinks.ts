import { LATE_STYLESHEET_ATTR } from './swRules.js';

/**
 * Gives back the links the worker held under the kept first screen (swRules.ts holdHeadLinks): the
 * app's modulepreloads and the build's stylesheet, fetched from here on. `then` (booting the app) runs
 * once the stylesheet applies, so the app draws with Ant Design's whole CSS; the snapshot was painted
 * with its own rules. With nothing held, `then` runs at once.
 */
export function giveBackHeldLinks(then: () => void): void {
  const held = [...document.querySelectorAll<HTMLLinkElement>(`link[${LATE_STYLESHEET_ATTR}]`)];
  const sheet = held.find((l) => l.getAttribute(LATE_STYLESHEET_ATTR) === 'stylesheet');
  let done = !sheet;
  if (sheet) {
    const go = () => {
      if (done || !sheet.sheet) return;
      done = true;
      then();
    };
    sheet.addEventListener('load', go);
    sheet.addEventListener('error', () => void (done || ((done = true), then())));
  }
  for (const l of held) {
    l.rel = l.getAttribute(LATE_STYLESHEET_ATTR)!;
    l.removeAttribute(LATE_STYLESHEET_ATTR);
  }
  if (!sheet) then();
}
