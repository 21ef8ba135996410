import type { MetadataRoute } from 'next';

// The installable shop: PNG icons (drawn from app/icon.svg by scripts/pwa-icons.mjs), a maskable one for Android's
// shapes, and shortcuts to what stays readable offline (the service worker, /sw.js, is app/serwist/sw.ts).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Northwind Supply',
    short_name: 'Northwind',
    description: 'Outdoor and everyday clothing and homeware from London.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4d3a',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
    shortcuts: [
      { name: 'My orders', url: '/account/orders' },
      { name: 'Member card', url: '/account/rewards' },
    ],
  };
}
