import { downscaledSize, jpegName, PHOTO_MAX_SIDE } from '../../../domain/photoSize.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * A photo as it is uploaded: drawn again at most 2,560 px on its long side and encoded as JPEG when
 * it is larger than that, or heavier than `maxBytes` (a 24 MB camera photo is a few hundred KB then).
 * Anything else — a PDF, an Office file, a small image, an image the browser cannot decode — goes
 * as it is; the caller then checks the size and says when it is still too large.
 */
export async function downscalePhoto(file: File, maxBytes: number): Promise<File> {
  if (!PHOTO_TYPES.includes(file.type)) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  try {
    const size = downscaledSize(bitmap.width, bitmap.height, PHOTO_MAX_SIDE);
    if (!size.scaled && file.size <= maxBytes) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    // JPEG has no transparency: a PNG's transparent parts become white, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
