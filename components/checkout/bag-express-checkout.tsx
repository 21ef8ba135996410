'use client';

import dynamic from 'next/dynamic';

// The bag's wallet button; Stripe's code is fetched only when Stripe is configured and the button shows.
export const BagExpressCheckout = dynamic(() => import('./express-checkout-button').then((m) => m.ExpressCheckoutButton), { ssr: false });
