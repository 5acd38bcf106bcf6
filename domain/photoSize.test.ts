import { describe, expect, it } from 'vitest';
import { downscaledSize, jpegName } from './photoSize.js';

describe('photos before upload (issue 17 item 11)', () => {
  it('brings the long side down to 2,560 px, in proportion', () => {
    expect(downscaledSize(6000, 4000)).toEqual({ width: 2560, height: 1707, scaled: true });
    expect(downscaledSize(3000, 4000)).toEqual({ width: 1920, height: 2560, scaled: true });
    expect(downscaledSize(2560, 1440)).toEqual({ width: 2560, height: 1440, scaled: false });
    expect(downscaledSize(100000, 1)).toEqual({ width: 2560, height: 1, scaled: true });
    expect(downscaledSize(0, 10).scaled).toBe(false);
  });
  it('names the re-encoded photo .jpg', () => {
    expect(jpegName('现场照片.PNG')).toBe('现场照片.jpg');
    expect(jpegName('IMG_0001.heic.jpeg')).toBe('IMG_0001.heic.jpg');
    expect(jpegName('noext')).toBe('noext.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
