// Where to send a shopper after signing in. Only paths on this shop: the value is parsed the way a browser parses a
// link (which drops tabs and newlines and reads `\` as `/`, so `/%09/evil.example` would become `//evil.example`) and
// must resolve to our own origin; the normalised path is returned, never the raw string.
const BASE = 'http://shop.invalid';
const AUTH_PAGES = ['/sign-in', '/sign-up', '/api/auth'];

export function safeRedirectPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 500) return fallback;
  // Control characters and backslashes have no place in our own paths; browsers would reinterpret them.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
