import 'server-only';
import { apiError, apiJson } from '@/lib/api/respond';
import { env } from '@/lib/env';
import { AuthorizationError } from '@/lib/auth/errors';
import { CartError } from './errors';
import type { CartResponse } from './types';

// Shared by the cart route handlers: responses are per shopper and never cached.
export function cartJson(body: CartResponse, status = 200) {
  return apiJson(body, { status, headers: { 'Cache-Control': 'private, no-store', ETag: `"${body.cart.version}"` } });
}

export function cartErrorResponse(error: unknown) {
  if (error instanceof CartError) return apiError(error.status, error.code, error.message);
  if (error instanceof AuthorizationError) return apiError(error.status, error.code, error.message);
  console.error('[cart] request failed', error);
  return apiError(500, 'internal', 'Something went wrong with your bag. Please try again.');
}

// Cookies are SameSite=Lax already; refusing a foreign Origin on writes closes the rest of the CSRF door.
export function refuseCrossSite(request: Request) {
  const origin = request.headers.get('origin');
  if (!origin) return null;
  const allowed = new Set([new URL(request.url).origin, new URL(env.APP_URL).origin]);
  const host = request.headers.get('host');
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin) ? null : apiError(403, 'forbidden', 'Cross-site requests cannot change a bag.');
}
