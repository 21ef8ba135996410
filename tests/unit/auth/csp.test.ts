import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, NONCE_PATH, policySettings, STATIC_POLICY_SOURCE, strictTransportSecurity } from '@/lib/security/csp';

// next.config.js matches header sources with Next's own path-to-regexp.
const { pathToRegexp } = createRequire(import.meta.url)('next/dist/compiled/path-to-regexp') as {
  pathToRegexp: (source: string, keys: unknown[], options: object) => RegExp;
};
const staticPolicyPath = pathToRegexp(STATIC_POLICY_SOURCE, [], { strict: true, sensitive: false, delimiter: '/' });

const envOf = (vars: Partial<NodeJS.ProcessEnv>): NodeJS.ProcessEnv => ({ NODE_ENV: 'production', ...vars });
const stripeEnv = envOf({ STRIPE_SECRET_KEY: 'sk_test_x', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_x' });

describe('Content-Security-Policy', () => {
  it('gives every path exactly one policy: a nonce one on the per-request pages, the static one elsewhere', () => {
    const nonce = [
      '/sign-in',
      '/sign-up',
      '/cart',
      '/checkout',
      '/dev/mail',
      '/account',
      '/account/orders',
      '/account/orders/o_1',
      '/orders/o_1',
      '/staff',
    ];
    const fixed = [
      '/',
      '/about',
      '/p/marsh-field-jacket',
      '/c/jackets',
      '/c/jackets/v',
      '/search',
      '/orders/lookup',
      '/sign-in/check-email',
      '/cart/continue',
      '/accounts',
      '/staffroom',
      '/api/v1/products',
    ];
    for (const path of nonce) expect([path, NONCE_PATH.test(path), staticPolicyPath.test(path)]).toEqual([path, true, false]);
    for (const path of fixed) expect([path, NONCE_PATH.test(path), staticPolicyPath.test(path)]).toEqual([path, false, true]);
  });

  it('names Stripe only in a nonce policy, and only with Stripe keys', () => {
    const withKeys = policySettings(stripeEnv);
    expect(contentSecurityPolicy(withKeys, 'abc')).toContain('https://js.stripe.com');
    expect(contentSecurityPolicy(withKeys, 'abc')).toContain("script-src 'nonce-abc' 'strict-dynamic'");
    expect(contentSecurityPolicy(withKeys)).not.toContain('stripe');
    expect(contentSecurityPolicy(policySettings(envOf({})), 'abc')).not.toContain('stripe');
  });

  it('allows eval in development only, and upgrades requests and sends HSTS only over https', () => {
    expect(contentSecurityPolicy(policySettings(envOf({ NODE_ENV: 'development' })))).toContain("'unsafe-eval'");
    const production = policySettings(envOf({ APP_URL: 'https://shop.example' }));
    expect(contentSecurityPolicy(production)).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(production)).toContain('upgrade-insecure-requests');
    expect(strictTransportSecurity(production)).toBe('max-age=63072000; includeSubDomains');
    expect(strictTransportSecurity(policySettings(envOf({ APP_URL: 'http://localhost:3000' })))).toBeNull();
  });
});
