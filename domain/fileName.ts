/**
 * Characters that are never part of a name people should see: C0 and C1 controls and DEL (they end
 * header lines and terminal escapes), the Unicode bidi controls (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf") and the line and paragraph
 * separators (U+2028/9: a name that breaks the line it is listed on); and lone surrogates, which
 * are not text at all (PostgreSQL's json refuses them).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The longest name kept; a longer one is cut before its extension. */
export const FILE_NAME_MAX = 200;

/** Text without controls and bidi formatting characters, so that it reads as it is stored. */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * A file name as people will see it, stored and served: no folders, no control or bidi characters,
 * trimmed, at most {@link FILE_NAME_MAX} characters with its extension kept, `file` when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = stripUnsafeChars(name).split(/[\\/]/).pop() ?? '';
  const clean = base.trim();
  if (clean.length <= FILE_NAME_MAX) return clean || 'file';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, FILE_NAME_MAX - ext.length) + ext;
}
