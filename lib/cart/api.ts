import 'server-only';
import { apiJson } from '@/lib/api/respond';
import { AppError } from '@/lib/errors';
import { parseIfMatch } from './schemas';
import type { CartResponse } from './types';

// Shared by the cart route handlers: responses are per shopper and never cached. A bag is a kilobyte or two, which
// fits in a connection's first round trip either way: no-transform spares every bag change gzip's CPU (about a
// tenth of a mutation's server time in a profile, npm run bench -- cart).
export function cartJson(body: CartResponse, status = 200) {
  return apiJson(body, { status, headers: { 'Cache-Control': 'private, no-store, no-transform', ETag: `"${body.cart.version}"` } });
}

// The cart version a client last saw, from If-Match; a malformed one is bad input.
export function ifMatchVersion(request: Request): number | undefined {
  const version = parseIfMatch(request.headers.get('if-match'));
  if (version === 'invalid') throw new AppError(400, 'bad_request', 'If-Match must be the cart version, e.g. "3".');
  return version;
}
