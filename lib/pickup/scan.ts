import jsQR from 'jsqr';
import { parsePickupQrPayload } from './qr-payload';

export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

// Reads a pickup QR code from RGBA pixels (a camera frame drawn on a canvas, or a decoded PNG): the order and code
// it carries, or null when there is no pickup QR code in the picture. For browsers without BarcodeDetector.
export function decodePickupQr(pixels: Pixels): { orderId: string; code: string } | null {
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
  return found ? parsePickupQrPayload(found.data) : null;
}
