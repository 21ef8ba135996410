import 'server-only';
import type { Job, JobResult, PgBoss } from 'pg-boss';
import { sendBackInStockEmails } from '@/lib/back-in-stock/notify';
import { sweepBagReminders, composeBagReminder } from '@/lib/messaging/bag-reminders';
import type { ComposeJob } from '@/lib/messaging/compose';
import { deliverMessage } from '@/lib/messaging/deliver';
import { sendPointsExpiringReminders } from '@/lib/messaging/points-expiring';
import { relayStrandedMessages } from '@/lib/messaging/relay';
import { sendOrderConfirmation } from '@/lib/orders/confirmation';
import { composeReadyMessages } from '@/lib/pickup/ready-email';
import { env } from '@/lib/env';
import { startBoss, stopBoss } from './boss';
import { MESSAGE_COMPOSE, MESSAGE_DELIVER, MESSAGE_SWEEP, QUEUES } from './queues';

// Batches of up to 50, fetched again at once while batches come back full: pg-boss otherwise waits a polling
// interval between batches (DESIGN.md measured 10× slower with small batches and no burst).
const WORK = { batchSize: 50, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true, perJobResults: true } as const;
// Bag reminders, back-in-stock e-mails, expiring points and stranded messages are looked for every minute, by one
// instance per tick (pg-boss's cron).
const SWEEP_CRON = '* * * * *';

const key = Symbol.for('northwind.jobs.worker');
const g = globalThis as unknown as Record<symbol, Promise<PgBoss> | undefined>;

const isLastAttempt = (job: Job<unknown>) => job.retryCount >= (QUEUES[job.name]?.retryLimit ?? 0);

async function compose(job: ComposeJob): Promise<void> {
  switch (job.kind) {
    case 'order_confirmation':
      await sendOrderConfirmation(job.orderId, null);
      return;
    case 'pickup_ready':
      await composeReadyMessages(job.orderId, new Date(job.readyAt));
      return;
    case 'bag_reminder':
      await composeBagReminder(job);
      return;
  }
}

// Jobs of a batch handled at once. On the embedded database one at a time: it has a single connection, shared with
// the requests (lib/db/index.ts), and 50 jobs queuing their queries at once put every request behind all of them
// (the Stripe webhook's paced p95 went from about 120 ms to about 900 ms on a busy machine with them all at once).
const CONCURRENCY = env.embedded ? 1 : 8;

// Each job of a batch is settled on its own: one that throws is retried with backoff without failing the others.
function perJob<T>(handle: (job: Job<T>) => Promise<unknown>) {
  const settle = (job: Job<T>) =>
    handle(job).then(
      (): JobResult => ({ id: job.id, status: 'completed' }),
      (error: unknown): JobResult => {
        console.error(`[jobs] ${job.name} ${job.id} failed (attempt ${job.retryCount + 1})`, error);
        return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
      },
    );
  return async (jobs: Job<T>[]): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (let i = 0; i < jobs.length; i += CONCURRENCY) results.push(...(await Promise.all(jobs.slice(i, i + CONCURRENCY).map(settle))));
    return results;
  };
}

export async function runSweep(now: Date = new Date()): Promise<void> {
  await relayStrandedMessages(now);
  await sweepBagReminders(now);
  // Back-in-stock e-mails and expiring points reminders: each failure is logged, and the next tick tries again.
  await sendBackInStockEmails(now).catch((error: unknown) => console.error('[jobs] back-in-stock sweep failed', error));
  await sendPointsExpiringReminders(now).catch((error: unknown) => console.error('[jobs] expiring points sweep failed', error));
}

const composeJobs = perJob<ComposeJob>((job) => compose(job.data));
const deliverJobs = perJob<{ messageId: string }>((job) => deliverMessage(job.data.messageId, { lastAttempt: isLastAttempt(job) }));

// Runs every job that is due now, through the same handlers as the workers, until none is left (tests and the
// command line: no polling interval to wait out). Returns how many jobs it handled.
export async function drainQueues(): Promise<number> {
  const boss = await startBoss();
  const queues = [
    [MESSAGE_COMPOSE, composeJobs],
    [MESSAGE_DELIVER, deliverJobs],
  ] as const;
  let handled = 0;
  for (;;) {
    let round = 0;
    for (const [name, handle] of queues) {
      const jobs = await boss.fetch<never>(name, { batchSize: 100 });
      if (jobs.length === 0) continue;
      for (const result of await handle(jobs as Job<never>[])) {
        if (result.status === 'completed') await boss.complete(name, result.id);
        else await boss.fail(name, result.id, result.output ?? null);
      }
      round += jobs.length;
    }
    if (round === 0) return handled;
    handled += round;
  }
}

// Starts the workers in this process once (the server via instrumentation.ts, or `npm run worker`).
export function startWorker(): Promise<PgBoss> {
  g[key] ??= (async () => {
    const boss = await startBoss();
    await boss.work(MESSAGE_COMPOSE, WORK, composeJobs);
    await boss.work(MESSAGE_DELIVER, WORK, deliverJobs);
    await boss.work(MESSAGE_SWEEP, { pollingIntervalSeconds: 5 }, () => runSweep());
    await boss.schedule(MESSAGE_SWEEP, SWEEP_CRON, null, { tz: 'Europe/London' });
    return boss;
  })();
  return g[key];
}

export async function stopWorker(): Promise<void> {
  g[key] = undefined;
  await stopBoss();
}
