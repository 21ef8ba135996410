// Northwind Rewards (issue 17). Budgets: redemption debits on one hot account through lib/loyalty on a real
// PostgreSQL at ≥ 0.5× a raw guarded UPDATE on the same server in the same run, with 0 negative balances; checkout
// with points p95 within 10 ms of checkout without points at 10 requests/s; /account/rewards on a phone: Lighthouse
// performance ≥ 95, accessibility 100.
import { benchDatabase } from './database';
import { fmt, percentile, round } from './http';
import { runLighthouse } from './lighthouse';
import { runInLibProcess } from './lib-process';
import { signIn } from './staff-client';

const SHOPPER = { email: 'shopper@example.com', password: 'shopper-demo-1' };
const POINTS = 100;
const RATE = 10;
const BLOCK_MS = 5_000;
const BLOCKS = 3;

type Target = { variantId: string; storeId: string };

// A variant on a pickup store's shelf (3 or more) costing enough for POINTS to fit the programme's 50 % cap.
async function pickupTarget(baseUrl: string): Promise<Target> {
  const stores = (await (await fetch(`${baseUrl}/api/v1/stores`)).json()) as { stores: { id: string; pickup: { enabled: boolean } }[] };
  const pickup = new Set(stores.stores.filter((s) => s.pickup.enabled).map((s) => s.id));
  const list = (await (await fetch(`${baseUrl}/api/v1/products?pageSize=48&inStock=1`)).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const detail = (await (await fetch(`${baseUrl}/api/v1/products/${slug}`)).json()) as { variants: { id: string; priceMinor: number }[] };
    const ids = detail.variants.filter((v) => v.priceMinor >= POINTS * 2).map((v) => v.id);
    if (!ids.length) continue;
    const stock = (await (await fetch(`${baseUrl}/api/v1/availability?variantIds=${ids.join(',')}`)).json()) as {
      variants: { variantId: string; stores: { storeId: string; available: number }[] }[];
    };
    for (const v of stock.variants) {
      const store = v.stores.find((s) => pickup.has(s.storeId) && s.available >= 3);
      if (store) return { variantId: v.variantId, storeId: store.storeId };
    }
  }
  throw new Error('no variant on a pickup store shelf for the points checkout');
}

async function send(baseUrl: string, cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

// The demo member's own bag holding one unit of the target (whatever was in it first is taken out).
async function oneItemBag(baseUrl: string, cookie: string, target: Target) {
  const { cart } = (await send(baseUrl, cookie, 'GET', '/api/v1/cart')) as { cart: { lines: { variantId: string | null }[] } };
  for (const line of cart.lines) if (line.variantId) await send(baseUrl, cookie, 'DELETE', `/api/v1/cart/lines/${line.variantId}`);
  await send(baseUrl, cookie, 'POST', '/api/v1/cart/lines', { variantId: target.variantId, quantity: 1 });
}

// Requests on an even schedule (one every 1000/rate ms, each on its own, open loop); every one's time. A step may
// answer with a follow-up, run after its time is taken.
type Step = (i: number) => Promise<(() => Promise<void>) | void>;
async function pacedTimes(rate: number, durationMs: number, step: Step) {
  const times: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const count = Math.floor((durationMs * rate) / 1000);
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      try {
        const then = await step(i);
        times.push(performance.now() - t);
        await then?.();
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }),
  );
  if (firstError) console.error('[loyalty bench] checkout failed:', firstError);
  return { times, errors };
}

let placed = 0;
// The answers to the bench's own cancellations, by status (a 409 when the next placement cancelled the order first).
const cancels: Record<number, number> = {};
// The member places their bag again every 100 ms, with or without points (an online payment left pending), and
// cancels each order once placed (not timed): so a placement seldom finds an earlier pending order of the bag to
// cancel first, which with points would also give back that order's held points, work a shopper's one checkout does
// not do. Each from its own client address and e-mail, so the per-address and per-e-mail limits do not apply.
async function checkoutWithAndWithoutPoints(baseUrl: string, cookie: string, target: Target) {
  const place = (points: number) => async () => {
    const n = placed++;
    const body = {
      email: `points-bench-${n}@example.com`,
      fulfilment: 'PICKUP',
      pickupLocationId: target.storeId,
      payment: 'online',
      points,
    };
    const headers = {
      'x-forwarded-for': `198.51.${100 + Math.floor(n / 250)}.${(n % 250) + 1}`,
      'user-agent': 'Mozilla/5.0 (iPhone) Mobile',
    };
    const { order } = (await send(baseUrl, cookie, 'POST', '/api/v1/checkout', body, headers)) as {
      order: { id: string; pointsRedeemed: number };
    };
    if (order.pointsRedeemed !== points) throw new Error(`the order used ${order.pointsRedeemed} points, not ${points}`);
    return async () => {
      const res = await fetch(`${baseUrl}/api/v1/orders/${order.id}/cancel`, { method: 'POST', headers: { cookie } });
      await res.arrayBuffer();
      cancels[res.status] = (cancels[res.status] ?? 0) + 1;
    };
  };
  await pacedTimes(RATE, 2_000, place(0)); // warm up
  await pacedTimes(RATE, 2_000, place(POINTS));
  const without = { times: [] as number[], errors: 0 };
  const withPoints = { times: [] as number[], errors: 0 };
  // In turns, so the machine's load drifts over both alike.
  for (let b = 0; b < BLOCKS; b++) {
    for (const [into, points] of [
      [without, 0],
      [withPoints, POINTS],
    ] as const) {
      const block = await pacedTimes(RATE, BLOCK_MS, place(points));
      into.times.push(...block.times);
      into.errors += block.errors;
    }
  }
  const summary = (s: { times: number[]; errors: number }) => ({
    count: s.times.length,
    p50: round(percentile(s.times, 50)),
    p95: round(percentile(s.times, 95)),
    errors: s.errors,
  });
  return { without: summary(without), withPoints: summary(withPoints), cancels };
}

// Through the running server: checkout with points against checkout without, and Lighthouse on /account/rewards.
export async function runLoyaltyServerBench(baseUrl: string, { lighthouse = true } = {}) {
  const cookie = await signIn(baseUrl, SHOPPER.email, SHOPPER.password);
  const { balance } = (await send(baseUrl, cookie, 'GET', '/api/v1/loyalty')) as { balance: number };
  if (balance < POINTS) throw new Error(`the demo member has ${balance} points, ${POINTS} needed`);
  const target = await pickupTarget(baseUrl);
  await oneItemBag(baseUrl, cookie, target);
  const checkout = await checkoutWithAndWithoutPoints(baseUrl, cookie, target);
  const added = round(checkout.withPoints.p95 - checkout.without.p95);
  const checkoutMet = added <= 10 && checkout.without.errors + checkout.withPoints.errors === 0;
  console.log(
    `\nLoyalty: checkout at ${RATE}/s (the demo member's one-item bag, pickup, ${BLOCKS}×${BLOCK_MS / 1000} s each, in turns)\n` +
      `  without points: p50 ${fmt(checkout.without.p50)} ms  p95 ${fmt(checkout.without.p95)} ms  (${checkout.without.count} orders, ${checkout.without.errors} errors)\n` +
      `  with ${POINTS} points: p50 ${fmt(checkout.withPoints.p50)} ms  p95 ${fmt(checkout.withPoints.p95)} ms  (${checkout.withPoints.count} orders, ${checkout.withPoints.errors} errors)\n` +
      `  points add ${fmt(added)} ms to p95 (budget ≤ 10 ms): ${checkoutMet ? 'PASS' : 'FAIL'}\n` +
      `  the bench's cancellations after each order, by answer: ${JSON.stringify(checkout.cancels)}`,
  );
  const audit = lighthouse ? await runLighthouse(baseUrl, { rewards: { path: '/account/rewards', cookie } }, 5, ['mobile']) : [];
  const phone = audit[0]?.scores;
  const rewardsMet = phone ? phone.performance! >= 95 && phone.accessibility === 100 : false;
  if (phone)
    console.log(
      `  /account/rewards on a phone: performance ${phone.performance} (≥ 95), accessibility ${phone.accessibility} (100): ${rewardsMet ? 'PASS' : 'FAIL'}`,
    );
  return {
    checkout: { ...checkout, p95AddedMs: added, budgetMs: 10, met: checkoutMet },
    rewards: phone ? { performance: phone.performance, accessibility: phone.accessibility, met: rewardsMet } : 'not run',
  };
}

type HotAccount = {
  callers: number;
  attempts: number;
  lib: { count: number; applied: number; seconds: number; perSecond: number };
  raw: { count: number; applied: number; seconds: number; perSecond: number };
  negativeBalances: number;
  libBalance: number;
  redeemEntries: number;
  libApplied: number;
  ledgerDifferences: number;
  entriesMatchBalance: boolean;
};

// On a database of its own (a new one on the real PostgreSQL server with --postgres; the embedded one otherwise,
// which runs one transaction at a time, so the figures then say little about a hot account).
export async function runLoyaltyLedgerBench() {
  const env = process.env;
  const base = Number(env.BENCH_DB_PORT ?? 54331);
  const database = benchDatabase('loyalty', { dataDir: `${env.BENCH_DATA_DIR ?? '.data/bench'}-loyalty`, dbPort: base + 3 });
  const r = await runInLibProcess<HotAccount>('tests/bench/loyalty-hot-account.ts', database);
  const exact = r.lib.perSecond / r.raw.perSecond;
  const ratio = Math.round(exact * 1000) / 1000;
  const sound = r.negativeBalances === 0 && r.ledgerDifferences === 0 && r.entriesMatchBalance && r.redeemEntries === r.libApplied;
  const met = exact >= 0.5 && sound && database.label !== 'embedded';
  console.log(
    `\nLoyalty: redemptions on one hot account, ${r.callers} callers at once (${database.label})\n` +
      `  lib/loyalty redeemPoints: ${fmt(r.lib.perSecond, 0)}/s (${r.lib.count} attempts, ${r.lib.applied} spent)\n` +
      `  raw guarded UPDATE:       ${fmt(r.raw.perSecond, 0)}/s (${r.raw.count} attempts, ${r.raw.applied} spent)\n` +
      `  ratio ${ratio} (budget ≥ 0.5 on a real PostgreSQL); negative balances ${r.negativeBalances}; ` +
      `entries sum to the balance: ${r.entriesMatchBalance && r.ledgerDifferences === 0 ? 'yes' : 'NO'}: ` +
      `${met ? 'PASS' : database.label === 'embedded' ? 'not measured (run with --postgres)' : 'FAIL'}`,
  );
  return { ...r, database: database.label, ratio, met };
}
