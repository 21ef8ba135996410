import 'server-only';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { errorResponse } from './respond';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isWrite = (method: string) => WRITES.has(method.toUpperCase());

// Cookies are SameSite=Lax already; refusing a foreign Origin on writes closes the rest of the CSRF door.
// A request without Origin (a native app, curl, a server) is not a browser acting for a shopper elsewhere.
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const url = new URL(request.url);
  const allowed = new Set([url.origin, new URL(env.APP_URL).origin]);
  const host = request.headers.get('host');
  if (host) allowed.add(`${url.protocol}//${host}`);
  return !allowed.has(origin);
}

const crossSiteRefused = () => new AppError(403, 'forbidden', 'Cross-site requests cannot change anything here.');

export function assertSameOrigin(request: Request): void {
  if (isCrossSite(request)) throw crossSiteRefused();
}

// For a route outside the API (a form's POST): the refusal as an answer, or null to go on.
export function refuseCrossSite(request: Request): Response | null {
  return isCrossSite(request) ? errorResponse(crossSiteRefused()) : null;
}
