// @ts-check
// The Content-Security-Policy, shared by next.config.js (every page, fixed at build) and proxy.ts (a fresh nonce per
// request for the pages that are rendered per request anyway). Plain JavaScript so that next.config.js can import it.
//
// Statically cached pages (home, catalog, product, about) are one HTML file for everyone: no nonce can be put in them,
// and their inline scripts (Next's flight data, different on every page) cannot be listed by hash in a header. They
// get `script-src 'self' 'unsafe-inline'`: no script from another origin, no eval, no plug-ins, no <base> or form
// hijacking, no framing by others. Pages with accounts, addresses, orders and payment get nonces and 'strict-dynamic',
// so an injected inline script does not run there.

const STRIPE = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://maps.googleapis.com'],
  connect: ['https://api.stripe.com', 'https://m.stripe.network', 'https://maps.googleapis.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  img: ['https://*.stripe.com'],
};

// The pages that proxy.ts gives a nonce policy: each is rendered per request (a nonce in a prerendered page would
// block its own scripts), and together they are where accounts, addresses, orders, payment and the staff's
// handover are shown. Stripe.js
// loads only on these (bag, checkout, an order awaiting payment), so only their policy, made per request from the
// running server's environment, ever names Stripe; the static policy is fixed when `next build` runs.
const NONCE_PAGES = '(?:sign-in|sign-up|cart|checkout|dev/mail)$|(?:account|staff|admin)(?:/|$)|orders/(?!lookup$)[^/]+$';
export const NONCE_PATH = new RegExp(`^/(?:${NONCE_PAGES})`);
/** next.config.js `source` for every other path, which gets the static policy (two policies would both apply). */
export const STATIC_POLICY_SOURCE = `/((?!${NONCE_PAGES}).*)`;

/**
 * @param {{ AUTH_GOOGLE_ID?: string; AUTH_APPLE_ID?: string; STRIPE_SECRET_KEY?: string;
 *   NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY?: string; APP_URL?: string; NODE_ENV?: string }} env process.env in
 *   next.config.js, lib/env's settings in the app
 * @returns {{ stripe: boolean; https: boolean; dev: boolean; formTargets: string[] }}
 */
export function policySettings(env) {
  const formTargets = [];
  // A provider's sign-in starts with our form answering a redirect to it, which form-action also governs.
  if (env.AUTH_GOOGLE_ID) formTargets.push('https://accounts.google.com');
  if (env.AUTH_APPLE_ID) formTargets.push('https://appleid.apple.com');
  return {
    stripe: Boolean(env.STRIPE_SECRET_KEY && env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY),
    https: (env.APP_URL ?? '').startsWith('https:'),
    dev: env.NODE_ENV === 'development',
    formTargets,
  };
}

/**
 * @param {ReturnType<typeof policySettings>} settings
 * @param {string} [nonce] for a page rendered per request; without one, the static policy, which never names Stripe
 */
export function contentSecurityPolicy(settings, nonce) {
  const stripe = settings.stripe && nonce ? STRIPE : { script: [], connect: [], frame: [], img: [] };
  // React reads stack traces with eval in development only.
  const evalInDev = settings.dev ? ["'unsafe-eval'"] : [];
  const script = nonce
    ? [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'", ...evalInDev]
    : ["'self'", "'unsafe-inline'", ...evalInDev, ...stripe.script];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // style="" attributes (React, the e-mail previews) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${["'self'", 'data:', 'blob:', ...stripe.img].join(' ')}`,
    "font-src 'self'",
    `connect-src ${["'self'", ...stripe.connect].join(' ')}`,
    `frame-src ${["'self'", ...stripe.frame].join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...settings.formTargets].join(' ')}`,
    "frame-ancestors 'self'",
    ...(settings.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * HSTS only when the shop is served over https (a browser ignores it over http, and localhost must stay reachable).
 * @param {ReturnType<typeof policySettings>} settings
 */
export function strictTransportSecurity(settings) {
  return settings.https ? 'max-age=63072000; includeSubDomains' : null;
}
