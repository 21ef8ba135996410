import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pickupQrPng } from '@/lib/pickup/qr';
import { decodePickupQr } from '@/lib/pickup/scan';

const pixels = (png: Buffer) => {
  const image = PNG.sync.read(png);
  return {
    data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    width: image.width,
    height: image.height,
  };
};

describe('scanning a pickup QR code', () => {
  it('reads the order and code back from the image the e-mail carries', async () => {
    const png = await pickupQrPng('cm3order_42-x', 'K7M-4PQ');
    expect(decodePickupQr(pixels(png))).toEqual({ orderId: 'cm3order_42-x', code: 'K7M4PQ' });
  });

  it('finds nothing in a QR code that is not a pickup code, or in a blank picture', async () => {
    const other = await QRCode.toBuffer('https://example.com/not-a-pickup', { type: 'png', width: 240, margin: 1 });
    expect(decodePickupQr(pixels(other))).toBeNull();
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(decodePickupQr(blank)).toBeNull();
  });
});
