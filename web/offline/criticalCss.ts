/**
 * The stylesheet rules the kept first screen needs (issue 24): the build's stylesheet is Ant Design's
 * whole static CSS (~1 MB), and a phone's fresh renderer (the installed app opened from the home
 * screen) parsed all of it before the first paint, ~0.7 s at 4× CPU slowdown. The snapshot carries the
 * rules that apply to what it shows, and the worker holds the stylesheet back until it is painted
 * (swRules.ts holdHeadLinks). Which rules apply is asked of the browser itself, on the page as drawn.
 */

/**
 * The indices of `text`'s top-level characters: not inside (), [] or quotes, and not those brackets
 * or quotes themselves. A selector list splits there, and a selector's own compound parts are these.
 */
function topLevel(text: string): number[] {
  const at: number[] = [];
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) at.push(i);
  }
  return at;
}

/** Cuts `text` at its top-level commas: those inside (), [] or quotes (`:is(.a, .b)`) do not separate. */
export function splitSelectorList(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const i of topLevel(text)) {
    if (text[i] !== ',') continue;
    parts.push(text.slice(from, i).trim());
    from = i + 1;
  }
  parts.push(text.slice(from).trim());
  return parts.filter((p) => p !== '');
}

/** `text` without what is inside (), [] and quotes: the selector's own compound parts. */
function outerParts(text: string): string {
  return topLevel(text)
    .map((i) => text[i])
    .join('');
}

/**
 * The classes some element must have for `selector` (one of a list) to match anything: its own
 * `.name` parts, not those inside :not(), :is(), :where() or attribute values. null when it cannot
 * tell (an escaped class name): the browser is asked.
 */
export function requiredClasses(selector: string): string[] | null {
  const outer = outerParts(selector);
  if (outer.includes('\\')) return null;
  return [...outer.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

/**
 * Pseudo-elements and the states a first screen is never drawn in (a phone's snapshot is not hovered
 * or focused before the app has booted): without them, what must match for the rule to apply to a
 * part of the page as drawn. Vendor pseudo-elements (::-webkit-scrollbar) go too.
 */
const DYNAMIC = /::?(?:-webkit-|-moz-|-ms-)[\w-]+|::?(?:hover|focus-visible|focus-within|focus|active|visited|before|after|placeholder|selection|first-letter|first-line|marker|backdrop|file-selector-button)(?![\w-])/g;

export function staticSelector(selector: string): string {
  return selector.replace(DYNAMIC, '').trim();
}

/** Whether a style rule's selector list applies to some drawn element; a selector the browser refuses once stripped is kept (kept too much costs bytes, too little an unstyled first screen). */
function applies(selectorText: string, classes: Set<string>, matches: (selector: string) => boolean): boolean {
  // The snapshot's own frame (#tj-snapshot, its time line) is not on the page it is drawn from.
  if (selectorText.includes('tj-snapshot')) return true;
  return splitSelectorList(selectorText).some((s) => {
    const need = requiredClasses(s);
    if (need && need.some((c) => !classes.has(c))) return false;
    const plain = staticSelector(s);
    try {
      return plain === '' || matches(plain);
    } catch {
      return true;
    }
  });
}

/** The rules of `rules` that apply, with the @media/@supports/@layer around them; @keyframes wait in `frames` for the names the kept rules use. */
function keptRules(rules: CSSRuleList, classes: Set<string>, matches: (selector: string) => boolean, frames: CSSKeyframesRule[]): string {
  let out = '';
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      if (applies(rule.selectorText, classes, matches)) out += rule.cssText;
    } else if (rule instanceof CSSKeyframesRule) frames.push(rule);
    else if (rule instanceof CSSGroupingRule) {
      const inner = keptRules(rule.cssRules, classes, matches, frames);
      if (inner) out += `${rule.cssText.slice(0, rule.cssText.indexOf('{'))}{${inner}}`;
    } else out += rule.cssText;
  }
  return out;
}

/**
 * The CSS the page's stylesheets apply to `root` as drawn (and to html and body), in the page's
 * order so the cascade is the same: the rules of the build's stylesheet and of Ant Design's generated
 * <style> tags (its CSS variables, per component) that match. Throws when a stylesheet cannot be read.
 */
export function criticalCss(root: Element): string {
  const own = [document.documentElement, document.body, root];
  const classes = new Set([...own, ...root.querySelectorAll('*')].flatMap((el) => [...el.classList]));
  const matches = (s: string) => root.querySelector(s) !== null || own.some((el) => el.matches(s));
  const frames: CSSKeyframesRule[] = [];
  let css = '';
  for (const sheet of document.styleSheets) {
    if (sheet.disabled) continue;
    css += keptRules(sheet.cssRules, classes, matches, frames);
  }
  for (const f of frames) if (css.includes(f.name)) css += f.cssText;
  // Inside a <style> element: a "</style" in a CSS string would end it early.
  return css.replace(/<\/style/gi, '<\\/style');
}
