/**
 * Text the system must never store: U+0000 (PostgreSQL's text cannot hold it), other C0 controls
 * but tab, line feed and carriage return, lone surrogates (not Unicode: PostgreSQL's json refuses
 * them, and one such staged audit record once stopped every write), and the bidi controls
 * (U+202A–U+202E, U+2066–U+2069) that make stored text read differently from what it is.
 */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);

/** The characters that are not Unicode (lone surrogates) and U+0000 replaced by U+FFFD: valid JSON for PostgreSQL. */
export function wellFormedText(s: string): string {
  return s.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * The dotted path of the first string or object key in `value` that is not storable, if any
 * (`body` when the value itself is such a string). Walks with its own stack, not by recursion: a
 * body nested 100,000 deep must not overflow the call stack. A bad key is named with its bad
 * characters escaped, so "\u0000__proto__" is not reported as `__proto__`.
 */
export function findUnstorable(value: unknown, root = 'body'): string | undefined {
  type Path = { key: string; up: Path } | null;
  const name = (p: Path) => {
    const keys: string[] = [];
    for (let at = p; at; at = at.up) keys.unshift(at.key);
    return keys.join('.') || root;
  };
  const todo: [unknown, Path][] = [[value, null]];
  while (todo.length) {
    const [v, path] = todo.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return name(path);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) if (!isStorableText(k)) return name({ key: escapeUnstorable(k), up: path });
      for (let i = entries.length - 1; i >= 0; i--) todo.push([entries[i]![1], { key: entries[i]![0], up: path }]);
    }
  }
  return undefined;
}

/** The text with each unstorable character written as \uXXXX, so it can be shown in a message. */
export function escapeUnstorable(s: string): string {
  return s.replace(new RegExp(UNSTORABLE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
