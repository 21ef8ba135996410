// GET /serwist/sw.js – the service worker, bundled at build time from ../sw.ts with its precache list
// (next.config.js serves it at /sw.js, so that its scope is the whole shop).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSerwistRoute } from '@serwist/turbopack';

const distDir = (process.env.NEXT_DIST_DIR || '.next').replace(/\/$/, '');
// The offline page changes only with its source.
const revision = createHash('sha256').update(readFileSync('app/offline/page.tsx')).digest('hex').slice(0, 16);

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/serwist/sw.ts',
  useNativeEsbuild: true,
  // A classic script (one file, no imports), so that every browser with service workers can run it.
  esbuildOptions: { format: 'iife', sourcemap: false },
  globPatterns: [`${distDir}/static/**/*.css`, 'public/icons/*.png'],
  additionalPrecacheEntries: [{ url: '/offline', revision }],
});
