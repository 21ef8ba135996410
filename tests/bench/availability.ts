// Availability of a 20-line cart across every store: p95 must stay under 30 ms on the production build,
// with the catalog scaled to 5,000 variants and 50 stores. Figures are also given as ratios to a static page.
import { createClient } from '../../lib/db/client';
import { applyMigrations } from '../../prisma/tools/migrate';
import { seed } from '../../prisma/seed';
import { benchDatabase, type BenchDatabase } from './database';
import { fmt, load } from './http';
import { startServer } from './server';

const BUDGET_P95_MS = 30;
const CART_LINES = 20;
const CARTS = 40;
const SAMPLES = 600;

export type AvailabilityBenchResult = {
  p50: number;
  p95: number;
  p99: number;
  staticP95: number;
  ratioP95: number;
  loadedP95: number;
  rps: number;
  budgetMs: number;
  pass: boolean;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// One shopper at a time, so the figure is the latency a picker or cart sees, not queueing.
async function timeRequests(urls: string[], samples: number) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const url = urls[i % urls.length]!;
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function seedScaled(database: BenchDatabase): Promise<string[][]> {
  await database.reset();
  const opened = await database.open();
  const db = createClient(opened.url);
  try {
    await applyMigrations(opened.url);
    await seed(db, { scale: { variants: 5000, stores: 50 }, demoAccounts: false, log: (m) => console.log(`  ${m}`) });
    // Carts of 20 distinct variants spread across the catalog.
    const variants = await db.variant.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    return Array.from({ length: CARTS }, (_, c) =>
      Array.from({ length: CART_LINES }, (_, i) => variants[(c * 97 + i * 251) % variants.length]!.id),
    );
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

async function measure(baseUrl: string, carts: string[][]): Promise<AvailabilityBenchResult> {
  const urls = carts.map((cart) => `${baseUrl}/api/v1/availability?variantIds=${cart.join(',')}`);
  const first = await fetch(urls[0]!);
  if (!first.ok) throw new Error(`availability answered ${first.status}: ${await first.text()}`);
  const check = (await first.json()) as { variants: { stores: unknown[] }[] };
  console.log(`  One cart: ${check.variants.length} variants × ${check.variants[0]?.stores.length ?? 0} stores per response`);
  await timeRequests([...urls, `${baseUrl}/about`], 100); // warm up
  const times = await timeRequests(urls, SAMPLES);
  const statics = await timeRequests([`${baseUrl}/about`], SAMPLES);
  const loaded = await load(urls[0]!, { connections: 10, duration: 10 });
  const result = {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    staticP95: percentile(statics, 95),
    ratioP95: percentile(times, 95) / percentile(statics, 95),
    loadedP95: loaded.p95,
    rps: loaded.rps,
    budgetMs: BUDGET_P95_MS,
    pass: percentile(times, 95) < BUDGET_P95_MS,
  };
  console.log(
    `\nAvailability: ${CART_LINES}-line cart × every store (5,000 variants, 50 stores), ${SAMPLES} sequential requests over ${CARTS} carts`,
  );
  console.log(
    `  p50 ${fmt(result.p50)} ms  p95 ${fmt(result.p95)} ms  p99 ${fmt(result.p99)} ms  (budget p95 < ${BUDGET_P95_MS} ms: ${result.pass ? 'PASS' : 'FAIL'})`,
  );
  console.log(`  static page p95 ${fmt(result.staticP95)} ms in the same run; availability p95 / static p95 = ${fmt(result.ratioP95, 2)}`);
  console.log(
    `  under load (10 connections, 10 s): ${fmt(result.rps, 0)} req/s, p95 ${fmt(result.loadedP95)} ms, errors ${loaded.errors}, non-2xx ${loaded.non2xx}`,
  );
  return result;
}

// With a baseUrl, measures that server (its catalog should already be scaled); without, seeds a scaled
// embedded database of its own, starts the production server on it and stops it afterwards.
export async function runAvailabilityBench(baseUrl?: string): Promise<AvailabilityBenchResult> {
  if (baseUrl) {
    const stores = (await (await fetch(`${baseUrl}/api/v1/stores?limit=100`)).json()) as { stores: unknown[] };
    const list = (await (await fetch(`${baseUrl}/api/v1/products?pageSize=48`)).json()) as { items: { slug: string }[] };
    const ids: string[] = [];
    for (const { slug } of list.items) {
      const product = (await (await fetch(`${baseUrl}/api/v1/products/${slug}`)).json()) as { variants: { id: string }[] };
      ids.push(...product.variants.map((v) => v.id));
    }
    console.log(`  Measuring ${baseUrl}: ${stores.stores.length} stores, ${ids.length} variants sampled`);
    const carts = Array.from({ length: CARTS }, (_, c) =>
      Array.from({ length: CART_LINES }, (_, i) => ids[(c * 7 + i * 13) % ids.length]!),
    );
    return measure(baseUrl, [...new Set(carts.map((c) => [...new Set(c)]))]);
  }
  const database = benchDatabase('availability', { dataDir: '.data/bench-availability', dbPort: 54341 });
  console.log(`\nSeeding a scaled catalog for the availability bench (${database.label})…`);
  const carts = await seedScaled(database);
  const server = await startServer({ port: 3201, db: database });
  try {
    return await measure(server.baseUrl, carts);
  } finally {
    await server.stop();
    await database.drop();
  }
}
