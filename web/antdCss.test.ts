import { describe, expect, it } from 'vitest';
import { withoutFamilies } from './antdCss.js';

// Ant Design's stylesheet without the component families no page uses: every other rule as it was.
describe('the stylesheet without unused Ant Design components', () => {
  it('drops the selectors that need one of their elements, and keeps every other rule as it was', () => {
    const css =
      '.ant-btn{color:red}.ant-avatar{width:32px}.ant-avatar-lg,.ant-btn-lg{height:40px}.ant-avatars{x:1}' +
      '.ant-tree{a:1}.ant-tree-select{b:1}.ant-select-tree-node{c:1}.ant-select{d:1}' +
      '@media (max-width:575px){.ant-avatar-sm{e:1}}@media (min-width:576px){.ant-col-sm-1{f:1}}' +
      '@keyframes antFade{0%{opacity:0}100%{opacity:1}}:where(.ant-tag):not(.ant-avatar){g:1}[class^="ant-avatar"]{h:1}';
    expect(withoutFamilies(css, ['avatar', 'tree-select', 'select-tree'])).toBe(
      '.ant-btn{color:red}.ant-btn-lg{height:40px}.ant-avatars{x:1}.ant-tree{a:1}.ant-select{d:1}' +
        '@media (min-width:576px){.ant-col-sm-1{f:1}}@keyframes antFade{0%{opacity:0}100%{opacity:1}}:where(.ant-tag):not(.ant-avatar){g:1}[class^="ant-avatar"]{h:1}',
    );
  });
});

describe('the families left out are used by no page', () => {
  it('imports none of their components from antd, nor Badge.Ribbon, Input.OTP or App’s notification', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname);
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx') || (f.endsWith('.ts') && !f.endsWith('.test.ts')));
    const components = ['Mentions', 'Cascader', 'ColorPicker', 'TreeSelect', 'Slider', 'Tour', 'Splitter', 'Transfer', 'Carousel', 'Collapse', 'FloatButton', 'Anchor', 'Rate', 'Avatar', 'notification', 'QRCode', 'Watermark', 'Masonry', 'Affix'];
    const used: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(root, f), 'utf8');
      for (const m of src.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'antd(?:\/[^']*)?'/g))
        for (const name of m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!)) if (components.includes(name)) used.push(`${f}: ${name}`);
      if (/Badge\.Ribbon|Input\.OTP|\{[^}]*\bnotification\b[^}]*\}\s*=\s*App\.useApp\(\)/.test(src)) used.push(`${f}: Badge.Ribbon, Input.OTP or notification`);
    }
    // A page that starts using one: take its family out of UNUSED_ANTD (web/antdCss.ts), or it draws unstyled.
    expect(used).toEqual([]);
  });
});
