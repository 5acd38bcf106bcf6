/** Photos are sent with their long side at most this many pixels: plenty for evidence, a fraction of a camera's 24 MB. */
export const PHOTO_MAX_SIDE = 2560;

/**
 * The size a photo is drawn at before upload: unchanged when its long side is within `maxSide`,
 * else scaled down in proportion (rounded, never below 1 px).
 */
export function downscaledSize(width: number, height: number, maxSide: number = PHOTO_MAX_SIDE): { width: number; height: number; scaled: boolean } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0, scaled: false };
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height, scaled: false };
  const k = maxSide / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)), scaled: true };
}

/** The name a re-encoded photo is uploaded under: its own, ending in .jpg. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'photo'}.jpg`;
}
