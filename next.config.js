// @ts-check
import { contentSecurityPolicy, policySettings, STATIC_POLICY_SOURCE, strictTransportSecurity } from './lib/security/csp.js';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  // The store picker asks for the shopper's location and the staff page may scan pickup codes.
  { key: 'Permissions-Policy', value: 'geolocation=(self), camera=(self), microphone=(), usb=()' },
];
// The static CSP (every page but proxy.ts's nonce pages) and HSTS follow the environment `next build` runs in.
const policy = policySettings(process.env);
const hsts = strictTransportSecurity(policy);
if (hsts) securityHeaders.push({ key: 'Strict-Transport-Security', value: hsts });

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets two builds (e.g. two developers' end-to-end runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // NEXT_OUTPUT=standalone: a self-contained server in <distDir>/standalone for a container (see Dockerfile).
  // Off for `npm start`, where `next start` serves the ordinary build (and would warn about a standalone one).
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: /** @type {const} */ ('standalone') } : {}),
  // Gzip in Next, unless NEXT_COMPRESS=false: behind a proxy or CDN that compresses (README, "Deploying").
  compress: process.env.NEXT_COMPRESS !== 'false',
  // Next would hash every cached page's HTML in JavaScript on every request to make an ETag (a sixth of a catalog
  // page's serving time here, npm run bench); pages change by revalidation, and a CDN in front sets its own validators.
  generateEtags: false,
  // proxy.ts addresses its rewrites from request.url, which this keeps as the server's own address: normalised, a
  // loopback address reads "localhost" and a rewrite on a server bound to 127.0.0.1 goes back through HTTP.
  skipProxyUrlNormalize: true,
  // `npm run typecheck` (part of `npm test`) checks types; skipping it here keeps a cold `npm start` well under 3 minutes.
  typescript: { ignoreBuildErrors: true },
  // The service worker is bundled by a route handler (app/serwist/[path]/route.ts) with esbuild, which must stay a
  // Node package, and served at /sw.js so that its scope is the whole shop.
  serverExternalPackages: ['esbuild'],
  experimental: {
    // The router would predict an unprefetched URL's page from another URL of the same path it has seen, and render
    // it from its cache without asking the server. A listing's query string decides its page in proxy.ts (cached
    // single-value listings, per-request ones), so a filter chip followed before its prefetch came back showed the
    // plain listing under the filtered URL (tests/e2e/catalog-cache.spec.ts). Off, the router asks the server.
    optimisticRouting: false,
  },
  async rewrites() {
    return [{ source: '/sw.js', destination: '/serwist/sw.js' }];
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: STATIC_POLICY_SOURCE, headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(policy) }] },
    ];
  },
};

export default nextConfig;
