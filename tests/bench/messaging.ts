// Messages (issue 18). Budgets: finding due bag reminders among 100,000 bags under 200 ms (an index, not a scan);
// the worker's sending rate to the outbox, none twice, at least 0.2× a bare INSERT of the same rows into the same
// database in the same run; a "ready" message in the outbox p95 < 2 s after the associate marks the order ready.
import { Device } from './cart-client';
import { benchDatabase } from './database';
import { fmt, percentile, round } from './http';
import { runInLibProcess } from './lib-process';
import { signIn, staffJson } from './staff-client';

const STORE_SLUG = 'shoreditch';
const STAFF_PASSWORD = 'staff-demo-1';
const READY_ORDERS = 20;
const READY_RATE = 1;
const POLL_MS = 100;

type Store = { id: string; slug: string; name: string };

async function findStore(baseUrl: string): Promise<Store> {
  const { stores } = (await (await fetch(`${baseUrl}/api/v1/stores?limit=100`)).json()) as {
    stores: (Store & { pickup: { enabled: boolean } })[];
  };
  const store = stores.find((s) => s.slug === STORE_SLUG && s.pickup.enabled);
  if (!store) throw new Error(`no pickup store "${STORE_SLUG}"`);
  return store;
}

// `need` units on the store's shelf, one entry per unit.
async function shelfUnits(baseUrl: string, storeId: string, need: number): Promise<string[]> {
  const units: string[] = [];
  const list = (await (await fetch(`${baseUrl}/api/v1/products?pageSize=48&inStock=1`)).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const detail = (await (await fetch(`${baseUrl}/api/v1/products/${slug}`)).json()) as { variants: { id: string }[] };
    const ids = detail.variants.map((v) => v.id).join(',');
    const stock = (await (await fetch(`${baseUrl}/api/v1/availability?variantIds=${ids}&storeId=${storeId}`)).json()) as {
      variants: { variantId: string; stores: { storeId: string; available: number }[] }[];
    };
    for (const v of stock.variants) {
      const available = v.stores.find((s) => s.storeId === storeId)?.available ?? 0;
      for (let i = 0; i < available && units.length < need; i++) units.push(v.variantId);
    }
    if (units.length >= need) return units;
  }
  throw new Error(`only ${units.length} units at the store, ${need} wanted`);
}

// A guest's pay-at-pickup order of one unit, each with its own e-mail address (the worker sends no one more than 10
// messages an hour) and client address.
async function placeOrder(baseUrl: string, storeId: string, variantId: string, n: number) {
  const device = new Device(baseUrl);
  const headers = { 'x-forwarded-for': `198.19.${Math.floor(n / 250)}.${(n % 250) + 1}`, 'user-agent': 'Mozilla/5.0 (iPhone) Mobile' };
  await device.json('POST', '/api/v1/cart/lines', { variantId, quantity: 1 }, headers);
  const email = `ready-bench-${n}@example.com`;
  const body = { email, fulfilment: 'PICKUP', pickupLocationId: storeId, payment: 'pay_at_pickup' };
  const placed = await device.json<{ order: { id: string } }>('POST', '/api/v1/checkout', body, headers);
  return { id: placed.order.id, email };
}

// Reads the development outbox (/dev/mail, newest first) every POLL_MS and notes when each "ready to collect"
// e-mail is first listed, by its recipient.
function watchOutbox(baseUrl: string) {
  const seen = new Map<string, number>();
  let running = true;
  const done = (async () => {
    while (running) {
      const polled = performance.now();
      const html = (await (await fetch(`${baseUrl}/dev/mail`)).text()).replaceAll('<!-- -->', '');
      for (const block of html.split('data-testid="outbox-message"').slice(1)) {
        const to = /<strong[^>]*>([^<]+)<\/strong>/.exec(block)?.[1];
        if (to && block.includes('is ready to collect') && !seen.has(to)) seen.set(to, polled);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return {
    async waitFor(to: string, timeoutMs = 15_000) {
      const until = performance.now() + timeoutMs;
      while (!seen.has(to)) {
        if (performance.now() > until) throw new Error(`no ready e-mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return seen.get(to)!;
    },
    stop: () => ((running = false), done),
  };
}

// Through the running server: orders picked (set-up), then marked ready one a second by the associate, each timed
// from sending "ready" to its e-mail being listed in the outbox (to within one poll).
export async function runReadyMessageBench(baseUrl: string) {
  const store = await findStore(baseUrl);
  const cookie = await signIn(baseUrl, `staff.${store.slug}@example.com`, STAFF_PASSWORD);
  const units = await shelfUnits(baseUrl, store.id, READY_ORDERS);
  const orders = [];
  for (const [n, variantId] of units.entries()) orders.push(await placeOrder(baseUrl, store.id, variantId, n));
  for (const order of orders) {
    const { order: card } = await staffJson<{ order: { lines: { id: string }[] } }>(
      baseUrl,
      cookie,
      'GET',
      `/api/v1/staff/orders/${order.id}`,
    );
    const lines = card.lines.map((l) => ({ lineId: l.id, status: 'picked' }));
    await staffJson(baseUrl, cookie, 'POST', `/api/v1/staff/orders/${order.id}/pick`, { lines });
  }
  const outbox = watchOutbox(baseUrl);
  const times: number[] = [];
  let errors = 0;
  const start = performance.now();
  try {
    await Promise.all(
      orders.map(async (order, i) => {
        const wait = start + (i * 1000) / READY_RATE - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        try {
          const sent = performance.now();
          await staffJson(baseUrl, cookie, 'POST', `/api/v1/staff/orders/${order.id}/ready`);
          times.push((await outbox.waitFor(order.email)) - sent);
        } catch (error) {
          if (errors++ === 0) console.error('[messaging bench] ready message:', error);
        }
      }),
    );
  } finally {
    await outbox.stop();
  }
  const p95 = round(percentile(times, 95));
  const met = p95 < 2000 && errors === 0;
  console.log(
    `\nMessaging: "ready for pickup" e-mail in the outbox after the associate marks ready (${READY_RATE}/s, ${orders.length} orders)\n` +
      `  p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(p95)} ms  max ${fmt(Math.max(...times))} ms  (${errors} errors; outbox read every ${POLL_MS} ms)\n` +
      `  budget p95 < 2000 ms: ${met ? 'PASS' : 'FAIL'}`,
  );
  return { orders: orders.length, p50: round(percentile(times, 50)), p95, errors, budgetMs: 2000, met };
}

type QueueFigures = {
  atOnce: number;
  worker: {
    messages: number;
    sent: number;
    workerPerSecond: number;
    insertPerSecond: number;
    outboxRows: number;
    outboxRecipients: number;
    claimedOnce: number;
    claimedAgain: number;
    statementsPerMessage: { queue: number; sending: number };
  };
  bags: { bags: number; dueSeeded: number; found: number; p50: number; p95: number; plans: string[] };
};

// The lib parts (the worker and the due-bag query) on a database of their own (--postgres: a new one on the real
// PostgreSQL server).
export async function runMessagingQueueBench() {
  const env = process.env;
  const base = Number(env.BENCH_DB_PORT ?? 54331);
  const database = benchDatabase('messaging', { dataDir: `${env.BENCH_DATA_DIR ?? '.data/bench'}-messaging`, dbPort: base + 4 });
  const { worker: w, bags, atOnce } = await runInLibProcess<QueueFigures>('tests/bench/messaging-queue.ts', database);
  const exact = w.workerPerSecond / w.insertPerSecond;
  const ratio = Math.round(exact * 1000) / 1000;
  const once = w.sent === w.messages && w.outboxRows === w.messages && w.outboxRecipients === w.messages && w.claimedAgain === 0;
  const workerMet = exact >= 0.2 && once;
  const scans = bags.plans.some((p) => /Seq Scan on "Cart"/.test(p));
  const bagsMet = bags.p95 < 200 && !scans;
  console.log(
    `\nMessaging: the worker sending ${w.messages} e-mails to the development outbox (${database.label}, ${atOnce} at once)\n` +
      `  worker ${fmt(w.workerPerSecond, 0)}/s; bare INSERT of the same rows ${fmt(w.insertPerSecond, 0)}/s; ratio ${ratio} (budget ≥ 0.2)\n` +
      `  sent ${w.sent}, outbox rows ${w.outboxRows} for ${w.outboxRecipients} recipients, claimed more than once ${w.claimedAgain}: ` +
      `${workerMet ? 'PASS' : 'FAIL'}\n` +
      `  statements per message: ${fmt(w.statementsPerMessage.sending)} sending it, ${fmt(w.statementsPerMessage.queue)} the queue's (pg-boss)\n` +
      `Messaging: due bag reminders among ${bags.bags.toLocaleString('en-GB')} bags (${bags.dueSeeded} idle members' bags in the window, ` +
      `${bags.found} returned, the sweep's batch)\n` +
      `  findDueBags p50 ${fmt(bags.p50)} ms  p95 ${fmt(bags.p95)} ms (budget < 200 ms, no sequential scan of "Cart"): ${bagsMet ? 'PASS' : 'FAIL'}\n` +
      bags.plans.map((p) => p.replace(/^/gm, '    ')).join('\n'),
  );
  return {
    database: database.label,
    worker: { ...w, ratio, met: workerMet },
    bags: { p50: bags.p50, p95: bags.p95, found: bags.found, sequentialScan: scans, met: bagsMet },
  };
}
