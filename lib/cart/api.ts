import 'server-only';
import { apiJson } from '@/lib/api/respond';
import { AppError } from '@/lib/errors';
import { parseIfMatch } from './schemas';
import type { CartResponse } from './types';

// Shared by the cart route handlers: responses are per shopper and never cached.
export function cartJson(body: CartResponse, status = 200) {
  return apiJson(body, { status, headers: { 'Cache-Control': 'private, no-store', ETag: `"${body.cart.version}"` } });
}

// The cart version a client last saw, from If-Match; a malformed one is bad input.
export function ifMatchVersion(request: Request): number | undefined {
  const version = parseIfMatch(request.headers.get('if-match'));
  if (version === 'invalid') throw new AppError(400, 'bad_request', 'If-Match must be the cart version, e.g. "3".');
  return version;
}
