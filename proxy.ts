import { NextResponse, type NextRequest } from 'next/server';
import { canonicalListingQuery, encodeListingView, listingFiltersFromSearchParams, MAX_VIEW_LENGTH } from '@/lib/catalog/filters';
import { fieldSchemas } from '@/lib/catalog/schemas';
import { NONCE_PATH, withNonce } from '@/lib/security/nonce';

const FILTER_KEYS = new Set(Object.keys(fieldSchemas));

// Category listings keep their filters in the query string, but are served from the page cache:
// this rewrite (not just a redirect) maps each filter combination to its own cached path /c/<slug>/<view>.
export function proxy(request: NextRequest) {
  // The pages with a per-request Content-Security-Policy nonce (lib/security/csp.js); everything else is a listing.
  if (NONCE_PATH.test(request.nextUrl.pathname)) return withNonce(request);
  if (!request.nextUrl.pathname.startsWith('/c/')) return NextResponse.next();
  const url = request.nextUrl;
  const slug = url.pathname.split('/')[2] ?? '';
  const filters = listingFiltersFromSearchParams(url.searchParams, slug);
  const canonical = canonicalListingQuery(filters);

  const given = new URLSearchParams([...url.searchParams].filter(([key]) => FILTER_KEYS.has(key)));
  const isRsc = request.headers.has('rsc');
  if (!isRsc && given.toString() !== canonical.toString()) {
    // A submitted filter form (blank fields, any order) lands on the one canonical URL.
    const target = url.clone();
    target.search = '';
    for (const [key, value] of canonical) target.searchParams.append(key, value);
    for (const [key, value] of url.searchParams) if (!FILTER_KEYS.has(key)) target.searchParams.append(key, value);
    return NextResponse.redirect(target);
  }

  const view = encodeListingView(filters);
  const target = url.clone();
  target.pathname = `/c/${slug}/${view.length > MAX_VIEW_LENGTH ? 'filtered' : view}`;
  return NextResponse.rewrite(target);
}

// Only listings with a filter in the query string (the plain /c/<slug> is served without the proxy).
// Written out in full: Next reads the matcher statically.
export const config = {
  matcher: [
    { source: '/c/:slug', has: [{ type: 'query', key: 'size' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'color' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'minPrice' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'maxPrice' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'inStock' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'availableAt' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'sort' }] },
    { source: '/c/:slug', has: [{ type: 'query', key: 'page' }] },
    // Pages with a nonce policy (NONCE_PATH; /orders/lookup passes through, with the static policy).
    '/sign-in',
    '/sign-up',
    '/cart',
    '/checkout',
    '/dev/mail',
    '/account/:path*',
    '/orders/:id',
  ],
};
