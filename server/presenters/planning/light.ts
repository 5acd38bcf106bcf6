import type { Lang } from '../../../domain/enums.js';
import { LIGHTS, type Light, type LightReason } from '../../../domain/lights.js';
import { lightReasonText } from '../../../domain/lightText.js';

/** Stored reasons as the raw code and parameters plus the sentence in the request's language. */
export function presentReasons(reasons: unknown, lang: Lang) {
  return (Array.isArray(reasons) ? (reasons as LightReason[]) : []).map((r) => ({
    code: r.code,
    level: r.level,
    params: r.params ?? {},
    text: lightReasonText({ ...r, params: r.params ?? {} }, lang),
  }));
}

export const presentLight = (light: string) => ((LIGHTS as readonly string[]).includes(light) ? (light as Light) : 'not_started');

/** Counts per light, every light present (zero when none). */
export function presentCounts(rows: readonly { light: string; n: number }[]): Record<Light, number> {
  const out = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const r of rows) if (r.light in out) out[r.light as Light] += Number(r.n);
  return out;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
