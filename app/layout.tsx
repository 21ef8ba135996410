import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { CartProvider } from '@/components/cart/cart-provider';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { PwaSetup } from '@/components/pwa/pwa-setup';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL),
  title: { default: 'Northwind Supply – outdoor and everyday clothing and homeware', template: '%s · Northwind Supply' },
  description:
    'Northwind Supply: outdoor and everyday clothing and homeware from London. Order online for delivery, or pick up today in one of our stores.',
  applicationName: 'Northwind Supply',
  openGraph: { type: 'website', siteName: 'Northwind Supply', locale: 'en_GB' },
  twitter: { card: 'summary_large_image' },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  themeColor: '#1f4d3a',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <CartProvider>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none lg:px-6">
            {children}
          </main>
          <SiteFooter />
        </CartProvider>
        <PwaSetup />
      </body>
    </html>
  );
}
