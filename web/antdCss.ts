import type { Plugin } from 'vite';
import { requiredClasses, splitSelectorList } from './offline/criticalCss.js';

/**
 * Ant Design's static stylesheet (antd/dist/antd.css, web/theme.ts zeroRuntime) styles every
 * component, ~1 MB that each page's first paint parses (issue 24). These families are in no page of
 * the app and in no component the app uses (checked against antd/es imports: Table's filter keeps
 * Tree, Tooltip keeps only the colour picker's functions, message only notification's functions):
 * their rules go, ~18 % of the file. A page that starts using one of them must leave this list.
 */
export const UNUSED_ANTD = [
  'mentions',
  'cascader',
  'color-picker',
  'tree-select',
  'select-tree',
  'slider',
  'tour',
  'splitter',
  'transfer',
  'carousel',
  'collapse',
  'float-btn',
  'ribbon',
  'anchor',
  'rate',
  'avatar',
  'notification',
  'qrcode',
  'watermark',
  'masonry',
  'otp',
  'input-otp',
  'affix',
  'back-top',
];

/**
 * `css` (minified, as antd ships it) without the selectors that need an element with a class of the
 * `families` (`.ant-cascader…` outside :not()/:where()): no page draws one. A rule left with no
 * selector goes, and an @media or @supports left empty.
 */
export function withoutFamilies(css: string, families: readonly string[]): string {
  // `ant-avatar` and `ant-avatar-lg`, not `ant-avatars` nor `ant-tree` for `tree-select`.
  const named = new RegExp(`^ant-(?:${families.join('|')})(?!\\w)`);
  const needsOne = (sel: string) => requiredClasses(sel)?.some((c) => named.test(c)) ?? false;
  const walk = (s: string): string => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const open = s.indexOf('{', i);
      if (open < 0) return out + s.slice(i);
      let depth = 1;
      let j = open + 1;
      for (; j < s.length && depth > 0; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}') depth--;
      }
      const prelude = s.slice(i, open);
      const body = s.slice(open + 1, j - 1);
      const at = prelude.trimStart();
      if (at.startsWith('@media') || at.startsWith('@supports')) {
        const inner = walk(body);
        if (inner) out += `${prelude}{${inner}}`;
      } else if (at.startsWith('@')) out += `${prelude}{${body}}`;
      else {
        const kept = splitSelectorList(prelude).filter((sel) => !needsOne(sel));
        if (kept.length) out += `${kept.join(',')}{${body}}`;
      }
      i = j;
    }
    return out;
  };
  return walk(css);
}

/** Applies withoutFamilies(UNUSED_ANTD) to antd/dist/antd.css as the build reads it. */
export function unusedAntdCssPlugin(): Plugin {
  return {
    name: 'tuijin-unused-antd-css',
    apply: 'build',
    // Before Vite's own CSS handling: the file as antd ships it.
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]antd[\\/]dist[\\/]antd\.css$/.test(id.split('?')[0]!)) return null;
      return { code: withoutFamilies(code, UNUSED_ANTD), map: null };
    },
  };
}
