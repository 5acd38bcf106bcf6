import type { Page } from 'playwright-core';

/**
 * A camera-sized photo that does not compress: a PNG of random pixels, encoded by the browser's own
 * canvas, so that the tests need no image encoder of their own.
 */
export async function noisePng(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(w, h);
      // getRandomValues fills at most 64 KB at a time; opaque pixels keep the PNG RGB-sized.
      for (let i = 0; i < image.data.length; i += 65_536) crypto.getRandomValues(image.data.subarray(i, i + 65_536));
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
      ctx.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
    },
    [width, height] as const,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
