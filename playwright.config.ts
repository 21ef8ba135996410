import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { demoShop, stripeApi, stripeKeys, stripeShop } from './tests/e2e/servers';

// End-to-end tests drive a production build started the way `npm start` starts it, on a fresh embedded
// database of its own (tests/run-all.mjs clears it), with a system Chromium when there is one. The wallet
// journeys run against the same build started again with Stripe's keys (tests/e2e/servers.ts).
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string =>
  Boolean(p && existsSync(p)),
);
const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const shop = (server: typeof demoShop, env: Record<string, string> = {}) => ({
  command: 'npm start',
  url: `${server.baseURL}/api/v1/products?pageSize=1`,
  timeout: 10 * 60_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(server.port),
    EMBEDDED_DB_PORT: String(server.dbPort),
    EMBEDDED_DB_DIR: server.dbDir,
    APP_URL: server.baseURL,
    AUTH_URL: server.baseURL,
    // The browsers connect from 127.0.0.1 as a proxy would, so a test can play a client on another network by sending
    // X-Forwarded-For (tests/e2e/security.spec.ts); without that header every client is 127.0.0.1, as before.
    TRUSTED_PROXIES: '127.0.0.1',
    // A "ready" SMS must reach the outbox whatever the hour the tests run (lib/messaging/quiet-hours.ts).
    SMS_QUIET_HOURS: 'off',
    ...env,
  },
});

export default defineConfig({
  testDir: 'tests/e2e',
  // Runs that share a checkout each need their own (Playwright empties it when a run starts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: true,
  forbidOnly: true,
  // One retry on CI, reported as "flaky" in the output: the guest-bag notice in cart.spec.ts has failed about once in
  // three full runs on this 2-core machine and never alone, an open bug in the closing note, not hidden here. (The
  // filter chip that showed the plain listing was Next's optimistic routing, now off in next.config.js.)
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // The account journeys (sign up, sign out, shop, sign in: a memory-hard password hash each time) take 15–20 s
  // alone and near 30 s when two browsers and the server share this project's 2-core machines.
  timeout: 60_000,
  expect: { timeout: 7_500 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { baseURL: demoShop.baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    // The merchant's dashboard is a desktop page, read at a desk: it runs on the desktop project only.
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testIgnore: /analytics\.spec\.ts$/ },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions } },
  ],
  // In this order: the first start builds the app if it needs building, the second reuses that build.
  webServer: [
    shop(demoShop),
    {
      command: 'npx tsx tests/helpers/stripe-api-double-server.ts',
      url: `${stripeApi.url}/test/health`,
      reuseExistingServer: !process.env.CI,
      env: {
        STRIPE_DOUBLE_PORT: String(stripeApi.port),
        STRIPE_DOUBLE_WEBHOOK_URL: `${stripeShop.baseURL}/api/webhooks/stripe`,
        STRIPE_DOUBLE_WEBHOOK_SECRET: stripeKeys.webhookSecret,
      },
    },
    shop(stripeShop, {
      REUSE_BUILD: '1',
      STRIPE_SECRET_KEY: stripeKeys.secret,
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: stripeKeys.publishable,
      STRIPE_WEBHOOK_SECRET: stripeKeys.webhookSecret,
      STRIPE_API_BASE: stripeApi.url,
    }),
  ],
});
