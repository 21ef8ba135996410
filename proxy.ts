import { NextResponse, type NextRequest } from 'next/server';
import {
  canonicalListingQuery,
  encodeListingView,
  isCachedListing,
  knownListingFilters,
  listingFiltersFromSearchParams,
} from '@/lib/catalog/filters';
import { getListingVocabulary } from '@/lib/catalog/listing-vocabulary';
import { NONCE_PATH, withNonce } from '@/lib/security/nonce';

// Category listings keep their filters in the query string. Only values the category offers get through (checked
// against its vocabulary, see knownListingFilters): anything else is dropped by a redirect to the canonical URL, so
// made-up values never reach a cache. Then a listing in the bounded cached set (isCachedListing) is rewritten to its
// cached path /c/<slug>/<view>; any other combination to /c/<slug>/filtered, rendered per request.
export async function proxy(request: NextRequest) {
  // The pages with a per-request Content-Security-Policy nonce (lib/security/csp.js); everything else is a listing.
  if (NONCE_PATH.test(request.nextUrl.pathname)) return withNonce(request);
  if (!request.nextUrl.pathname.startsWith('/c/')) return NextResponse.next();
  const url = request.nextUrl;
  const [, , slug = '', internal] = url.pathname.split('/');
  // /c/<slug>/<view> and /c/<slug>/filtered are reached only through the rewrite below.
  if (internal !== undefined) {
    return request.headers.get(REWRITE_MARK_HEADER) === REWRITE_MARK ? NextResponse.next() : new NextResponse('Not found', { status: 404 });
  }

  const vocabulary = await getListingVocabulary(slug);
  if (!vocabulary) return redirectTo(request, `/c/${slug}`, new URLSearchParams());
  const filters = knownListingFilters(listingFiltersFromSearchParams(url.searchParams, slug), vocabulary);
  const canonical = canonicalListingQuery(filters);
  // A submitted filter form (blank fields, any order, unknown values) lands on the one canonical URL. Client-side
  // navigations (RSC requests) only follow links the app made, which are canonical already.
  if (!request.headers.has('rsc') && url.search !== (canonical.size > 0 ? `?${canonical}` : '')) {
    return redirectTo(request, `/c/${slug}`, canonical);
  }
  const target = rewriteBase(request);
  if (isCachedListing(filters)) {
    target.pathname = `/c/${slug}/${encodeListingView(filters)}`;
    target.search = '';
  } else {
    target.pathname = `/c/${slug}/filtered`;
    target.search = `?${canonical}`;
  }
  const headers = new Headers(request.headers);
  headers.set(REWRITE_MARK_HEADER, REWRITE_MARK);
  return NextResponse.rewrite(target, { request: { headers } });
}

// Rewrites and redirects are addressed from request.url, which (with skipProxyUrlNormalize, next.config.js) keeps
// the address the server is bound to. request.nextUrl writes a loopback address as "localhost": on a server bound to
// 127.0.0.1, as a demo start is, Next would find a rewrite to localhost foreign and send it back to itself over HTTP.
function rewriteBase(request: NextRequest): URL {
  return new URL(request.url);
}

// Marks this proxy's own rewrites: the internal paths answer only requests that carry this process's mark.
const REWRITE_MARK_HEADER = 'x-listing-rewrite';
const REWRITE_MARK = crypto.randomUUID();

function redirectTo(request: NextRequest, pathname: string, query: URLSearchParams) {
  const target = rewriteBase(request);
  target.pathname = pathname;
  target.search = query.size > 0 ? `?${query}` : '';
  return NextResponse.redirect(target);
}

// Listings with a filter in the query string (the plain /c/<slug> is served without the proxy, which would double
// its serving time), and the internal listing paths. Written out in full: Next reads the matcher statically.
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
    '/c/:slug/:view',
    // Pages with a nonce policy (NONCE_PATH; /orders/lookup passes through, with the static policy).
    '/sign-in',
    '/sign-up',
    '/cart',
    '/checkout',
    '/dev/mail',
    '/account/:path*',
    '/staff/:path*',
    '/orders/:id',
  ],
};
