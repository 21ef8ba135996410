// GET /api/v1/recommendations at 20 concurrent clients with the full Online Retail train + validation history
// imported: p95 < 30 ms and p99 < 60 ms, also given as a ratio to a static page (/about) measured in the same run.
// Two readings, as for the cart and checkout: flat out (a closed loop: each client sends the next request the moment
// one returns, so latency includes the queue at this machine's throughput) and paced (the same 20 clients sending
// 100 requests per second in all, evenly spread, as the cart bench paces its clients; autocannon's own rate limit
// sends each second's requests in a burst, which measures the burst's queue rather than the handler).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { encode } from 'next-auth/jwt';
import { createClient } from '../../lib/db/client';
import { importOrderHistory } from '../../lib/recommendations/order-import';
import { applyMigrations } from '../../prisma/tools/migrate';
import { seed } from '../../prisma/seed';
import { benchDatabase } from './database';
import { fmt, getOk, load, pacedLoop, type LoadResult } from './http';
import { startServer } from './server';

const BUDGET = { p95: 30, p99: 60 };
const CONNECTIONS = 20;
const PACED_RATE = 100;
const DATA = '../shared/data/online-retail';
const database = benchDatabase('recs', { dataDir: '.data/bench-recs', dbPort: 54342 });

type Prepared = { anonymousId: string; productId: string; shopper: { id: string; email: string } };

// Demo shop, then the imported history, then what a browsing guest leaves behind. Imported products get
// warehouse stock, as a shop selling them would have; otherwise every one would be filtered out as sold out.
async function prepare(): Promise<Prepared> {
  await database.reset();
  const opened = await database.open();
  const db = createClient(opened.url);
  try {
    await applyMigrations(opened.url);
    await seed(db, { demoAccounts: false });
    for (const file of ['train.csv', 'validation.csv']) {
      const summary = await importOrderHistory(db, readFileSync(`${DATA}/${file}`, 'utf8'));
      console.log(
        `  imported ${file}: ${summary.ordersImported} orders, ${summary.productsCreated} products in ${summary.seconds.toFixed(1)} s`,
      );
    }
    const warehouse = await db.location.findFirstOrThrow({ where: { type: 'WAREHOUSE' } });
    await db.$executeRaw`
      INSERT INTO "Stock" ("variantId", "locationId", "onHand", "reserved", "updatedAt")
      SELECT v."id", ${warehouse.id}, 50, 0, now() FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
      WHERE p."externalRef" IS NOT NULL ON CONFLICT DO NOTHING`;
    const [top] = await db.$queryRaw<{ productId: string }[]>`
      SELECT l."productId" FROM "OrderLine" l JOIN "Product" p ON p."id" = l."productId" WHERE p."externalRef" IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const [shopper] = await db.$queryRaw<{ id: string; email: string }[]>`
      SELECT u."id", u."email" FROM "User" u JOIN "Order" o ON o."userId" = u."id" WHERE u."externalRef" IS NOT NULL
      GROUP BY u."id" ORDER BY count(*) DESC LIMIT 1`;
    const anonymousId = randomUUID();
    const viewed = await db.product.findMany({
      where: { externalRef: { not: null } },
      select: { id: true },
      take: 12,
      orderBy: { id: 'asc' },
    });
    await db.productView.createMany({
      data: viewed.map((p, i) => ({ anonymousId, productId: p.id, viewedAt: new Date(Date.now() - i * 60_000) })),
    });
    if (!top || !shopper) throw new Error('the import left no orders');
    return { anonymousId, productId: top.productId, shopper };
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

export async function runRecommendationsBench() {
  console.log(
    `\n== Recommendations: GET /api/v1/recommendations, 20 connections, Online Retail train + validation imported (${database.label}) ==`,
  );
  const prepared = await prepare();
  const secret = randomBytes(32).toString('base64url');
  const server = await startServer({ port: 3202, db: database, env: { AUTH_SECRET: secret } });
  try {
    const base = server.baseUrl;
    const salt = 'authjs.session-token';
    const token = await encode({
      salt,
      secret,
      token: { sub: prepared.shopper.id, email: prepared.shopper.email, name: null, role: 'CUSTOMER', storeIds: [] },
    });
    const cases: { name: string; url: string; headers?: Record<string, string> }[] = [
      { name: 'home, new guest (trending)', url: `${base}/api/v1/recommendations?context=home` },
      {
        name: 'home, guest with views',
        url: `${base}/api/v1/recommendations?context=home`,
        headers: { cookie: `nw_aid=${prepared.anonymousId}` },
      },
      { name: 'home, shopper with history', url: `${base}/api/v1/recommendations?context=home`, headers: { cookie: `${salt}=${token}` } },
      { name: 'product, best seller', url: `${base}/api/v1/recommendations?context=product&productId=${prepared.productId}` },
      { name: 'cart, guest, empty bag', url: `${base}/api/v1/recommendations?context=cart` },
    ];
    for (const c of cases) {
      const res = await fetch(c.url, { headers: c.headers });
      if (!res.ok) throw new Error(`${c.name}: ${res.status} ${await res.text()}`);
      await load(c.url, { connections: CONNECTIONS, duration: 3, headers: c.headers }); // warm up
    }
    await load(`${base}/about`, { connections: CONNECTIONS, duration: 3 });
    const staticPage = await load(`${base}/about`, { connections: CONNECTIONS, duration: 10 });
    const paced = (url: string, headers?: Record<string, string>) => pacedLoop(CONNECTIONS, PACED_RATE, 10_000, () => getOk(url, headers));
    const staticPaced = await paced(`${base}/about`);
    const results = [];
    for (const c of cases) {
      const closed = await load(c.url, { connections: CONNECTIONS, duration: 10, headers: c.headers });
      results.push({ name: c.name, ...closed, paced: await paced(c.url, c.headers) });
    }

    console.log(
      `  static /about: p50 ${fmt(staticPage.p50)} ms, p95 ${fmt(staticPage.p95)} ms, p99 ${fmt(staticPage.p99)} ms, ${fmt(staticPage.rps, 0)} req/s; paced ${PACED_RATE}/s p95 ${fmt(staticPaced.p95)} ms, p99 ${fmt(staticPaced.p99)} ms`,
    );
    const within = (r: Pick<LoadResult, 'p95' | 'p99' | 'errors'> & { non2xx?: number }) =>
      r.p95 < BUDGET.p95 && r.p99 < BUDGET.p99 && r.errors === 0 && !r.non2xx;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    for (const r of results) {
      console.log(
        `  ${r.name}: flat out p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, ${fmt(r.rps, 0)} req/s, ` +
          `p95 ${fmt(r.p95 / staticPage.p95, 2)}× /about ${verdict(within(r))}; ` +
          `paced ${PACED_RATE}/s p95 ${fmt(r.paced.p95)} ms, p99 ${fmt(r.paced.p99)} ms ${verdict(within(r.paced))}; ` +
          `errors ${r.errors + r.paced.errors}, non-2xx ${r.non2xx}`,
      );
    }
    const pass = { flatOut: results.every(within), paced: results.every((r) => within(r.paced)) };
    console.log(
      `  budget p95 < ${BUDGET.p95} ms, p99 < ${BUDGET.p99} ms: flat out ${verdict(pass.flatOut)}, paced ${PACED_RATE}/s ${verdict(pass.paced)}`,
    );
    return { staticPage, results, pass };
  } finally {
    await server.stop();
    await database.drop();
  }
}
