import 'server-only';
import { fromPrisma, type SendOptions } from 'pg-boss';
import type { Db, Tx } from '@/lib/db/client';
import { env } from '@/lib/env';
import { readyBoss, startBoss } from './boss';

export type JobOptions = { tx?: Tx | Db; startAfter?: Date; singletonKey?: string };

// Sends a job; given `tx` (a Prisma transaction), the job is written in that transaction and exists only if it
// commits. Returns false when the job could not be written in the transaction because the queue was still starting
// with the embedded database (its start-up would wait for this very transaction): the caller's own row must then be
// found by a relay (lib/messaging/relay.ts does that for messages).
export async function enqueueJob(name: string, data: object, { tx, startAfter, singletonKey }: JobOptions = {}): Promise<boolean> {
  let boss = readyBoss();
  if (!boss) {
    if (tx && env.embedded) return false;
    boss = await startBoss();
  }
  const options: SendOptions = {
    ...(tx ? { db: fromPrisma(tx) } : {}),
    ...(startAfter ? { startAfter } : {}),
    ...(singletonKey ? { singletonKey } : {}),
  };
  await boss.send(name, data, options);
  return true;
}
