import { Parser } from 'htmlparser2';
import { escapeHtml, IMAGE_SRC } from '../../domain/articles.js';

/**
 * The tags an article may keep and, for each, the attributes. Everything else goes: unknown tags are
 * unwrapped (their text stays), the tags in DROPPED go with everything inside them, every attribute
 * not listed (style, class, on…) is left out, comments and processing instructions vanish.
 */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  blockquote: [],
  ul: [],
  ol: [],
  li: [],
  a: ['href'],
  img: ['src', 'alt'],
  figure: [],
  figcaption: [],
};
const VOID = new Set(['br', 'img']);
/** Whose content is never text for a reader: dropped whole, however they nest. */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'select', 'svg', 'math', 'title', 'head', 'frameset', 'frame', 'xmp', 'noembed', 'noframes', 'plaintext']);

/**
 * A link a reader may follow: http(s), mailto, or a path of this site. Browsers skip tabs, line
 * breaks and leading controls inside a scheme (`java\tscript:`); so are we before we read it, and
 * entities were decoded by the parser (`&#106;avascript:`).
 */
export function safeHref(raw: string): string | null {
  const v = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? raw.trim() : null;
  // A path of ours, not `//host` (another site) or `\\host` (the same to a browser).
  return /^\/(?![/\\])/.test(v) || v.startsWith('#') ? raw.trim() : null;
}

export interface SanitizeOptions {
  /** Whether an image (by SHA-256) may stay: on save, those the writer uploaded or the article had. */
  keepImage?: (sha256: string) => boolean;
  /** The path images are written with (the signed-in one, or the portal's). */
  imagePath?: string;
}

/**
 * An article's HTML reduced to the allow-list above, well formed (every kept tag closed, in order).
 * Sanitising its own output changes nothing, so it runs on save and again on every render.
 */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  // One pass can leave nesting a parser reads differently the next time (an <li> opened inside an
  // <li> through an unknown tag, "<ul><li><x<ul><li>", closes the first when read again): passes
  // until nothing changes, so that sanitising on save and again on render give the same HTML.
  let out = sanitizeOnce(html, opts);
  for (let i = 0; i < 4; i++) {
    const again = sanitizeOnce(out, opts);
    if (again === out) break;
    out = again;
  }
  return out;
}

/** One pass of the allow-list: every kept tag written by us, closed and in order. */
function sanitizeOnce(html: string, opts: SanitizeOptions): string {
  let out = '';
  const open: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        // The parser calls onclosetag once for every tag it opened (void ones at once, others when
        // closed or implied closed), so counting both keeps the dropped region exact.
        if (dropDepth || DROPPED.has(name)) {
          dropDepth++;
          return;
        }
        const allowed = ALLOWED[name];
        if (!allowed) return;
        let a = '';
        if (name === 'a') {
          const href = attrs.href === undefined ? null : safeHref(attrs.href);
          a = href === null ? '' : ` href="${escapeHtml(href)}" rel="noopener noreferrer nofollow"`;
        } else if (name === 'img') {
          const sha = IMAGE_SRC.exec((attrs.src ?? '').trim())?.[1];
          if (!sha || (opts.keepImage && !opts.keepImage(sha))) return;
          a = ` src="${opts.imagePath ?? '/api/articles/images/'}${sha}" alt="${escapeHtml(attrs.alt ?? '')}"`;
        }
        out += `<${name}${a}>`;
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (!dropDepth) out += escapeHtml(text);
      },
      onclosetag(name) {
        if (dropDepth) {
          dropDepth--;
          return;
        }
        if (VOID.has(name) || !open.includes(name)) return;
        while (open.length) {
          const top = open.pop()!;
          out += `</${top}>`;
          if (top === name) break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  while (open.length) out += `</${open.pop()}>`;
  return out;
}

/** The SHA-256 of every image an article's HTML shows (after sanitising). */
export function imagesOf(html: string): string[] {
  const found = new Set<string>();
  new Parser({ onopentag: (name, attrs) => void (name === 'img' && IMAGE_SRC.exec(attrs.src ?? '')?.[1] && found.add(IMAGE_SRC.exec(attrs.src!)![1]!)) }).end(html);
  return [...found];
}
