import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

let warned = false;

// AUTH_SECRET signs sessions and our own cookies. The launcher generates one for demo mode;
// outside production a fixed development secret keeps `next dev` working without setup.
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production') throw new Error('AUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).');
  if (!warned) {
    warned = true;
    console.warn('[auth] AUTH_SECRET is not set; using an insecure development secret.');
  }
  return 'northwind-development-secret-not-for-production';
}

export function signValue(value: string, purpose: string): string {
  const mac = createHmac('sha256', authSecret()).update(`${purpose}:${value}`).digest('base64url');
  return `${value}.${mac}`;
}

export function unsignValue(signed: string | undefined, purpose: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(signValue(value, purpose).slice(dot + 1));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : null;
}
