// POST /api/v1/cart/transfer – a single-use, short-lived link and QR code (SVG) that opens this guest cart on another device
import QRCode from 'qrcode';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { readGuestCartId } from '@/lib/cart/request';
import { createCartTransfer } from '@/lib/cart/transfer';
import { env } from '@/lib/env';

export const POST = route({ label: 'cart transfer' }, async () => {
  const { token, expiresAt } = await createCartTransfer(await readGuestCartId());
  const url = new URL(`/cart/continue?token=${token}`, env.APP_URL).toString();
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return apiJson({ url, qrSvg, expiresAt: expiresAt.toISOString() }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
