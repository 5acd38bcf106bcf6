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
