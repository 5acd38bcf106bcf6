/** An exact decimal string without trailing zeros (95.1000 → 95.1, 90.0000 → 90); kept as text, no floating point. */
export function trimDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^-?\d+\.\d+$/.test(value) ? value.replace(/\.?0+$/, '') : value;
}

/** A sentence template with its `{name}` slots filled; a slot without a value is left empty. */
export function fillTemplate(text: string, params: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
