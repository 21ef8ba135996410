// npm run bench [-- [--postgres] section …]: the production build on the embedded database (or, with --postgres or
// BENCH_DATABASE_URL, on new databases of a real PostgreSQL server), figures as ratios within one run.
// Sections: catalog, search, js, lighthouse, cart, sync, streams, checkout, webhook, staff, loyalty, messaging, availability, recs,
// analytics (default: all).
import { runAnalyticsBench } from './analytics';
import { runAvailabilityBench } from './availability';
import { runCartBench, runLiveSyncBench, runSseCapacityBench } from './cart-bench';
import { fillBag } from './cart-client';
import { runCatalogBench, discoverUrls, measureFirstLoadJs } from './catalog';
import { BENCH_WEBHOOK_SECRET, runCheckoutBench, runWebhookBench } from './checkout';
import { runLighthouse } from './lighthouse';
import { runLoyaltyLedgerBench, runLoyaltyServerBench } from './loyalty';
import { runMessagingQueueBench, runReadyMessageBench } from './messaging';
import { runRecommendationsBench } from './recommendations';
import { runSearchBench } from './search';
import { runStaffBench } from './staff';
import { signIn } from './staff-client';
import { benchDatabase } from './database';
import { startServer } from './server';

const wanted = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith('--')));
const want = (section: string) => wanted.size === 0 || wanted.has(section);

async function main() {
  // BENCH_PORT, BENCH_DB_PORT and BENCH_DATA_DIR let a second checkout of the repository run a section beside another.
  const env = process.env;
  const db = benchDatabase('shop', { dataDir: env.BENCH_DATA_DIR ?? '.data/bench', dbPort: Number(env.BENCH_DB_PORT ?? 54331) });
  console.log(`Database: ${db.label}`);
  // The bench client is the server's trusted proxy (127.0.0.1), so a request can name its shopper's address in
  // X-Forwarded-For: the hundreds of orders the checkout and staff sections place are not one client's 300 in 10 minutes.
  const server = await startServer({
    port: Number(env.BENCH_PORT ?? 3200),
    db,
    fresh: true,
    env: { STRIPE_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET, TRUSTED_PROXIES: '127.0.0.1' },
  });
  try {
    const urls = await discoverUrls(server.baseUrl);
    if (want('catalog')) await runCatalogBench(server.baseUrl, urls);
    if (want('search')) await runSearchBench(server.baseUrl, { serverPid: server.pid });
    if (want('js')) await measureFirstLoadJs(server.baseUrl, urls.product);
    // The static /about page is the reference: what this machine's Lighthouse gives a page with no data of its own.
    // The checkout is audited with two items in the bag (the form), not the empty-bag state.
    if (want('lighthouse')) {
      const checkout = { path: '/checkout', cookie: await fillBag(server.baseUrl) };
      await runLighthouse(server.baseUrl, {
        static: urls.static,
        home: urls.home,
        category: urls.category,
        product: urls.product,
        checkout,
      });
      // The analytics dashboard as an admin sees it on a desktop: accessibility 100 (issue 20).
      const admin = await signIn(server.baseUrl, 'admin@example.com', 'admin-demo-1');
      const [dashboard] = await runLighthouse(server.baseUrl, { analytics: { path: '/admin/analytics', cookie: admin } }, 5, ['desktop']);
      const a11y = dashboard!.scores.accessibility;
      console.log(`/admin/analytics (desktop, admin): accessibility ${a11y} (budget 100): ${a11y === 100 ? 'PASS' : 'FAIL'}`);
    }
    if (want('cart')) console.log('\nCart mutations', await runCartBench(server.baseUrl, { serverPid: server.pid }));
    if (want('sync')) console.log('\nLive sync', await runLiveSyncBench(server.baseUrl));
    if (want('streams')) console.log('\nEvent streams', await runSseCapacityBench(server.baseUrl, { serverPid: server.pid }));
    if (want('checkout')) console.log(`\nCheckout (${db.label})`, await runCheckoutBench(server.baseUrl, { serverPid: server.pid }));
    if (want('webhook')) console.log('\nStripe webhook', await runWebhookBench(server.baseUrl));
    if (want('staff')) console.log('\nStaff pickups', await runStaffBench(server.baseUrl));
    if (want('loyalty')) await runLoyaltyServerBench(server.baseUrl);
    if (want('messaging')) await runReadyMessageBench(server.baseUrl);
  } finally {
    await server.stop();
    await db.drop();
  }
  // These need data sets of their own: each starts and stops its own server, or runs the lib in a process of its own.
  if (want('loyalty')) await runLoyaltyLedgerBench();
  if (want('messaging')) await runMessagingQueueBench();
  if (want('availability')) console.log('\nAvailability', await runAvailabilityBench());
  if (want('recs')) await runRecommendationsBench();
  if (want('analytics')) await runAnalyticsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
