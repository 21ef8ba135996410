// The pickup code's text rules and the QR payload's format, with nothing server-only: the staff page's scanner
// reads QR codes in the browser with these.

export function normalisePickupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

// What the pickup QR code encodes: `NW1:<orderId>:<code>`. Versioned and short (a dense code scans badly off a
// cracked phone screen); the staff page parses it and checks the code against the order's stored hash, so the
// payload proves nothing without that check and holds nothing the shopper's e-mail does not already show.
const PICKUP_QR_PREFIX = 'NW1';

export function pickupQrPayload(orderId: string, code: string): string {
  return `${PICKUP_QR_PREFIX}:${orderId}:${normalisePickupCode(code)}`;
}

export function parsePickupQrPayload(payload: string): { orderId: string; code: string } | null {
  const match = /^NW1:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9]{4,12})$/.exec(payload.trim());
  return match ? { orderId: match[1]!, code: normalisePickupCode(match[2]!) } : null;
}
