// Only same-site paths: a sign-in link must never bounce a shopper to another site.
export function safeRedirectPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up') || value.startsWith('/api/auth')) return fallback;
  return value;
}
