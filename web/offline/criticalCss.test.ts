import { describe, expect, it } from 'vitest';
import { requiredClasses, splitSelectorList, staticSelector } from './criticalCss.js';

// The kept first screen carries the rules that draw it: a rule is left out only when no drawn element
// can match it, so these say what a selector needs, erring on keeping.
describe('the rules the kept first screen needs', () => {
  it('reads a selector list at its own commas, not those inside :is(), :where(), attributes or strings', () => {
    expect(splitSelectorList('.a, .b > .c')).toEqual(['.a', '.b > .c']);
    expect(splitSelectorList(':where(.x, .y) .a,.b[title="1,2"]')).toEqual([':where(.x, .y) .a', '.b[title="1,2"]']);
    expect(splitSelectorList(".c[data-x='a,b'], :is(.d,.e)")).toEqual([".c[data-x='a,b']", ':is(.d,.e)']);
  });
  it('needs the classes of the selector itself, not those it rules out or offers as alternatives', () => {
    expect(requiredClasses('.ant-btn.ant-btn-primary:not(.ant-btn-disabled):hover > span')).toEqual(['ant-btn', 'ant-btn-primary']);
    expect(requiredClasses(':where(.css-var-r1).ant-tag')).toEqual(['ant-tag']);
    expect(requiredClasses('.ant-form [class^="ant-form"]')).toEqual(['ant-form']);
    expect(requiredClasses('a[href$=".pdf"]')).toEqual([]);
    expect(requiredClasses('html, body')).toEqual([]);
    // An escaped name is not read here: the browser is asked.
    expect(requiredClasses('.ant-col-0\\.5')).toBeNull();
  });
  it('matches what is drawn, not the hover, focus or pseudo-elements a phone’s first screen never shows on its own', () => {
    expect(staticSelector('.ant-btn:not(:disabled):hover')).toBe('.ant-btn:not(:disabled)');
    expect(staticSelector('.ant-input:focus-visible::placeholder')).toBe('.ant-input');
    expect(staticSelector('.ant-tag::before, .x::-webkit-scrollbar-thumb:hover')).toBe('.ant-tag, .x');
    // Static states stay: :disabled, :checked and :first-child are as drawn.
    expect(staticSelector('.ant-checkbox-input:checked + span:first-child')).toBe('.ant-checkbox-input:checked + span:first-child');
    // Stripped inside :not() it is no selector any more: the rule is kept (criticalCss catches the refusal).
    expect(staticSelector('.a:not(:hover)')).toBe('.a:not()');
  });
});
