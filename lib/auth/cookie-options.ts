import 'server-only';
import { env } from '@/lib/env';

// httpOnly and SameSite=Lax: scripts cannot read our cookies and other sites cannot send them on a POST.
export function cookieOptions(maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: maxAgeSeconds, secure: env.APP_URL.startsWith('https:') };
}
