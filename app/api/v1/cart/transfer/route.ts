// POST /api/v1/cart/transfer – a single-use, short-lived link and QR code (SVG) that opens this guest cart on another device
import QRCode from 'qrcode';
import { apiJson } from '@/lib/api/respond';
import { cartErrorResponse, refuseCrossSite } from '@/lib/cart/api';
import { readGuestCartId } from '@/lib/cart/request';
import { createCartTransfer } from '@/lib/cart/transfer';
import { env } from '@/lib/env';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const { token, expiresAt } = await createCartTransfer(await readGuestCartId());
    const url = new URL(`/cart/continue?token=${token}`, env.APP_URL).toString();
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return apiJson({ url, qrSvg, expiresAt: expiresAt.toISOString() }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return cartErrorResponse(error);
  }
}
