import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imagesOf, safeHref, sanitizeHtml } from './sanitizeHtml.js';

const SHA = 'a'.repeat(64);

describe('the article sanitiser', () => {
  it('keeps the formatting of the allow-list and its text', () => {
    const html = `<h2>一、总体情况</h2><p>全区<strong>完成</strong>投资<em>12.5</em>亿元。<br>同比增长。</p><ul><li>甲</li><li>乙</li></ul><blockquote>引用</blockquote><p><a href="https://www.gov.cn/x?a=1&amp;b=2">链接</a></p>`;
    expect(sanitizeHtml(html)).toBe(html.replace('">链接', '" rel="noopener noreferrer nofollow">链接'));
  });
  it('drops script, style and embedded documents with their content, event handlers, styles and classes', () => {
    const out = sanitizeHtml(`<p onclick="steal()" class="x" style="color:red">正文<script>alert(1)</script><style>p{}</style></p><iframe src="https://evil"><p>inner</p></iframe><svg><script>alert(2)</script><a href="https://x">in svg</a></svg><img src=x onerror=alert(3)><p>尾</p>`);
    expect(out).toBe('<p>正文</p><p>尾</p>');
  });
  it('keeps no javascript:, data: or vbscript: link, however it is spelled, nor a link to another host by //', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', '/\\evil.example']) {
      const out = sanitizeHtml(`<a href="${href}">x</a>`);
      expect(out, href).toBe('<a>x</a>');
    }
    expect(safeHref('/public/articles/1')).toBe('/public/articles/1');
    expect(safeHref('mailto:xc@example.cn')).toBe('mailto:xc@example.cn');
  });
  it('keeps only our own images, by SHA-256, and those the caller lets through', () => {
    expect(sanitizeHtml(`<img src="/api/articles/images/${SHA}" alt="现场"><img src="https://evil/x.png"><img src="/api/articles/images/${SHA}/../x">`)).toBe(`<img src="/api/articles/images/${SHA}" alt="现场">`);
    expect(sanitizeHtml(`<img src="/api/articles/images/${SHA}">`, { keepImage: () => false })).toBe('');
    expect(sanitizeHtml(`<img src="/api/articles/images/${SHA}">`, { imagePath: '/api/public/images/' })).toBe(`<img src="/api/public/images/${SHA}" alt="">`);
    expect(imagesOf(`<p><img src="/api/articles/images/${SHA}"></p>`)).toEqual([SHA]);
  });
  it('escapes text and attribute values, closes what was left open and unwraps unknown tags', () => {
    expect(sanitizeHtml('<div><p>a &lt; b "c"<span>d</span>')).toBe('<p>a &lt; b &quot;c&quot;d</p>');
    expect(sanitizeHtml('<img src="/api/articles/images/' + SHA + '" alt="&quot;><script>x</script>">')).toBe(`<img src="/api/articles/images/${SHA}" alt="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">`);
  });
  it('gives the same HTML when sanitised again, where one pass leaves nesting a parser reads otherwise', () => {
    // Found by the property below (seed -575566820): a list item opened inside another through an unknown tag.
    const once = sanitizeHtml('<ul><li><text<ul><li>');
    expect(once).toBe('<ul><li></li><li></li></ul>');
    expect(sanitizeHtml(once)).toBe(once);
  });
  it('is idempotent and never lets a script tag or a handler through, whatever it is given', () => {
    const piece = fc.constantFrom('<script>', '</script>', '<p>', '</p>', '<a href="javascript:x">', '<a href="https://a">', '</a>', '<img src=x onerror=y>', '<svg>', '</svg>', '<style>', '<!--', '-->', '&lt;', 'text', '"', "'", '<', '>', '<b onmouseover=1>', '<iframe>', '<ul><li>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const once = sanitizeHtml(parts.join(''));
        expect(sanitizeHtml(once)).toBe(once);
        expect(once).not.toMatch(/<script|<iframe|<svg|<style|javascript:|\son\w+=/i);
      }),
      { numRuns: 300 },
    );
  });
});
