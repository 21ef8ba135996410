// Run by the messaging bench (tests/bench/messaging.ts) through runInLibProcess, on a database of its own:
// 1. the worker's sending rate: MESSAGES e-mails enqueued through lib/messaging (each its row and its delivery job),
//    then the real worker (lib/jobs) started and timed until every one is SENT to the development outbox; against
//    a bare INSERT of the same rows (one statement each, as many at once as the worker sends) into a copy of the
//    outbox table. Afterwards: every message sent once, each recipient's e-mail in the outbox once.
// 2. finding due bag reminders among BAGS bags (most not due): lib/messaging's findDueBags timed, and the plan of
//    the statements it sent (read off the pg driver as they go out) printed with EXPLAIN ANALYZE.
import pg from 'pg';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { startWorker, stopWorker } from '@/lib/jobs/worker';
import { findDueBags } from '@/lib/messaging/bag-reminders';
import { enqueueMessage } from '@/lib/messaging/messages';
import { percentile } from './http';
import { printResult } from './lib-process';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);
const BAGS = 100_000;
const MEMBERS = 20_000;
const SAMPLES = 20;
// As many at once as the worker sends a batch's jobs (lib/jobs/worker.ts: one at a time on the embedded database).
const AT_ONCE = env.embedded ? 1 : 8;

const content = (i: number) => ({
  subject: `Order BENCH-${i} is confirmed`,
  text: `Thank you for your order BENCH-${i}. We will tell you when it is ready.`,
  html: `<p>Thank you for your order <strong>BENCH-${i}</strong>. We will tell you when it is ready.</p>`,
});
const recipient = (i: number) => `worker-bench-${i}@example.com`;

async function inTurns(count: number, atOnce: number, step: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      for (let i = next++; i < count; i = next++) await step(i);
    }),
  );
}

async function bareInsertRate(): Promise<number> {
  await db.$executeRawUnsafe('CREATE TABLE "BenchOutbox" (LIKE "OutboxMessage" INCLUDING ALL)');
  const started = performance.now();
  await inTurns(MESSAGES, AT_ONCE, (i) => {
    const { subject, text, html } = content(i);
    return db.$executeRaw`
      INSERT INTO "BenchOutbox" ("id", "channel", "to", "subject", "text", "html", "createdAt")
      VALUES (${`bench${i}`}, 'email', ${recipient(i)}, ${subject}, ${text}, ${html}, now())`;
  });
  const seconds = (performance.now() - started) / 1000;
  await db.$executeRawUnsafe('DROP TABLE "BenchOutbox"');
  return MESSAGES / seconds;
}

async function workerRate() {
  await inTurns(MESSAGES, AT_ONCE, (i) =>
    enqueueMessage({
      key: `bench:${i}`,
      kind: 'bench',
      channel: 'EMAIL',
      topic: 'ORDERS',
      to: recipient(i),
      email: recipient(i),
      content: content(i),
    }),
  );
  const insertPerSecond = await bareInsertRate();
  let sent = 0;
  const started = performance.now();
  // The statements sent meanwhile, less the bench's own polling: the queue's (pg-boss) and the sending's.
  const { sent: statements } = await capturing(async () => {
    await startWorker();
    while (sent < MESSAGES && performance.now() - started < 300_000) {
      await new Promise((r) => setTimeout(r, 20));
      const [row] = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS "n" FROM "Message" WHERE "status" = 'SENT' /* bench poll */`;
      sent = row!.n;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await stopWorker();
  const ours = statements.filter((s) => !s.text.includes('/* bench poll */')).length;
  const queue = statements.filter((s) => /pgboss/i.test(s.text)).length;
  const [outbox] = await db.$queryRaw<{ rows: number; recipients: number }[]>`
    SELECT count(*)::int AS "rows", count(DISTINCT "to")::int AS "recipients" FROM "OutboxMessage" WHERE "to" LIKE 'worker-bench-%'`;
  const [attempts] = await db.$queryRaw<{ once: number; more: number }[]>`
    SELECT count(*) FILTER (WHERE "attempts" = 1)::int AS "once", count(*) FILTER (WHERE "attempts" > 1)::int AS "more" FROM "Message"`;
  return {
    messages: MESSAGES,
    sent,
    workerPerSecond: sent / seconds,
    insertPerSecond,
    outboxRows: outbox!.rows,
    outboxRecipients: outbox!.recipients,
    claimedOnce: attempts!.once,
    claimedAgain: attempts!.more,
    statementsPerMessage: { queue: queue / MESSAGES, sending: (ours - queue) / MESSAGES },
  };
}

// Bags of every kind: guests' (no contact), members' touched in the last half hour, members' untouched for over a
// week, and one member bag in a hundred idle between an hour and six days, the due ones. Each holds one item; every
// member agreed to bag reminders by e-mail.
const SEED = [
  `INSERT INTO "Category" ("id", "slug", "name", "description") VALUES ('bench_cat', 'bench', 'Bench', 'Bench')`,
  `INSERT INTO "Product" ("id", "slug", "name", "description", "categoryId", "updatedAt") VALUES ('bench_prod', 'bench', 'Bench tee', 'Bench', 'bench_cat', now())`,
  `INSERT INTO "Variant" ("id", "productId", "sku", "priceMinor") VALUES ('bench_var', 'bench_prod', 'BENCH-1', 2500)`,
  `INSERT INTO "User" ("id", "email", "updatedAt") SELECT 'bench_u' || g, 'bag-bench-' || g || '@example.com', now() FROM generate_series(1, ${MEMBERS}) g`,
  `INSERT INTO "Consent" ("email", "channel", "topic", "granted", "source", "changedAt")
   SELECT 'bag-bench-' || g || '@example.com', 'EMAIL', 'BAG_REMINDERS', true, 'ACCOUNT', now() - interval '100 days' FROM generate_series(1, ${MEMBERS}) g`,
  `INSERT INTO "Cart" ("id", "userId", "version", "createdAt", "updatedAt")
   SELECT 'bench_c' || g, CASE WHEN g <= ${MEMBERS} THEN 'bench_u' || g END, 1, now() - interval '100 days',
     CASE
       WHEN g > ${MEMBERS} THEN now() - random() * interval '90 days'
       WHEN g % 100 = 0 THEN now() - interval '2 hours' - random() * interval '5 days'
       WHEN g % 2 = 0 THEN now() - random() * interval '30 minutes'
       ELSE now() - interval '8 days' - random() * interval '80 days'
     END
   FROM generate_series(1, ${BAGS}) g`,
  `INSERT INTO "CartLine" ("cartId", "variantId", "quantity") SELECT 'bench_c' || g, 'bench_var', 1 FROM generate_series(1, ${BAGS}) g`,
  `ANALYZE`,
];

// The statements the pg driver sends while `work` runs (Prisma's adapter sends each as { text, values }).
async function capturing<T>(work: () => Promise<T>) {
  const sent: { text: string; values: unknown[] }[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as { text?: string; values?: unknown[] } | string;
    if (typeof config === 'object' && config?.text) sent.push({ text: config.text, values: config.values ?? [] });
    else if (typeof config === 'string') sent.push({ text: config, values: (args[1] as unknown[]) ?? [] });
    return original.apply(this, args);
  };
  try {
    return { result: await work(), sent };
  } finally {
    proto.query = original;
  }
}

async function dueBags() {
  for (const sql of SEED) await db.$executeRawUnsafe(sql);
  const now = new Date();
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < SAMPLES + 2; i++) {
    const started = performance.now();
    found = (await findDueBags(now)).length;
    if (i >= 2) times.push(performance.now() - started);
  }
  const { sent } = await capturing(() => findDueBags(now));
  const plans: string[] = [];
  for (const s of sent.filter((q) => /^\s*(WITH|SELECT)\b/i.test(q.text))) {
    const rows = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${s.text}`, ...s.values);
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  const [inWindow] = await db.$queryRaw<{ due: number }[]>`
    SELECT count(*)::int AS "due" FROM "Cart" WHERE "userId" IS NOT NULL AND "updatedAt" < now() - interval '1 hour'
      AND "updatedAt" > now() - interval '7 days'`;
  return { bags: BAGS, dueSeeded: inWindow!.due, found, p50: percentile(times, 50), p95: percentile(times, 95), plans };
}

async function main() {
  const worker = await workerRate();
  const bags = await dueBags();
  printResult({ worker, bags, atOnce: AT_ONCE });
}

main()
  .then(() => db.$disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
