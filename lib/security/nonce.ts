import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy, NONCE_PATH, policySettings } from './csp';

export { NONCE_PATH };

const policy = policySettings(env);

// Pages rendered per request get a policy with a fresh nonce (proxy.ts): Next reads it from the request's CSP header
// and puts it on every script it writes. ./csp.js says which pages, and why the cached ones cannot have one.
export function withNonce(request: NextRequest): NextResponse {
  const header = contentSecurityPolicy(policy, randomBytes(16).toString('base64'));
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', header);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', header);
  return response;
}
