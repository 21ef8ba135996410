import 'server-only';
import type { Db, Tx } from '@/lib/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { MESSAGE_COMPOSE } from '@/lib/jobs/queues';

// A message whose content takes reading the database (the order view, the store's hours, a QR code) is composed by
// the worker, not by the request that causes it: the request only writes this job (one row). The composer then
// enqueues one message per channel, each under its own unique key (lib/jobs/worker.ts lists the composers).
export type ComposeJob =
  | { kind: 'order_confirmation'; orderId: string }
  | { kind: 'pickup_ready'; orderId: string; readyAt: string }
  | { kind: 'bag_reminder'; cartId: string; version: number; step: 'email' | 'sms' };

export async function enqueueCompose(job: ComposeJob, options: { tx?: Tx | Db; startAfter?: Date } = {}): Promise<void> {
  const sent = await enqueueJob(MESSAGE_COMPOSE, job, options);
  if (!sent) throw new Error(`The job queue is not started yet; ${job.kind} could not be queued`);
}
