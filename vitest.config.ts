import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // lib code guards itself with 'server-only'; tests are server-side, so it resolves to its empty module.
      'server-only': fileURLToPath(new URL('node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each file has its own database, so files may run in parallel.
          globalSetup: ['tests/helpers/global-setup.ts'],
          setupFiles: ['tests/helpers/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // next-auth imports `next/server` without an extension, which only a bundler resolves: run it through Vite.
          server: { deps: { inline: ['next-auth'] } },
        },
      },
    ],
  },
});
