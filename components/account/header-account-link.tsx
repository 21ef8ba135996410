'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCartState } from '@/components/cart/cart-provider';

// The header is cached, so who is signed in comes from the bag the header already loads
// (its owner is "user" for a signed-in shopper). Same size either way: nothing shifts.
export function HeaderAccountLink() {
  const signedIn = useCartState((s) => s.server?.owner === 'user');
  // Signing in (by password or by the e-mailed link) comes back to the page the shopper was on; from the home page
  // and the account's own pages it lands on /account, the sign-in form's default.
  const pathname = usePathname();
  const back = pathname && pathname !== '/' && !pathname.startsWith('/sign-') ? `?callbackUrl=${encodeURIComponent(pathname)}` : '';
  return (
    <Link
      href={signedIn ? '/account' : `/sign-in${back}`}
      aria-label={signedIn ? 'Account' : 'Sign in'}
      className="inline-flex size-11 items-center justify-center rounded"
      data-testid="header-account-link"
    >
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21a8 8 0 0 1 16 0" />
      </svg>
    </Link>
  );
}
