import QRCode from 'qrcode';
import { pickupQrPayload } from './qr-payload';

export { parsePickupQrPayload, pickupQrPayload } from './qr-payload';

const options = { margin: 1, errorCorrectionLevel: 'M' } as const;

export function pickupQrSvg(orderId: string, code: string): Promise<string> {
  return QRCode.toString(pickupQrPayload(orderId, code), { ...options, type: 'svg' });
}

// A PNG for e-mail: mail clients do not render inline SVG.
export function pickupQrPng(orderId: string, code: string): Promise<Buffer> {
  return QRCode.toBuffer(pickupQrPayload(orderId, code), { ...options, type: 'png', width: 240 });
}
