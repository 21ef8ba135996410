import 'server-only';
import { db, type Db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { MESSAGE_DELIVER } from '@/lib/jobs/queues';
import { assertFitsSms } from './sms-text';
import type { NewMessage } from './types';

// Writes the message and its delivery job, in the caller's transaction when given one. Returns the new message's id,
// or null when a message with the same key exists (the cause happened before: nothing is sent twice).
export async function enqueueMessage(message: NewMessage, { tx }: { tx?: Tx | Db } = {}): Promise<string | null> {
  if (message.channel === 'SMS') assertFitsSms(message.content.text);
  const client = tx ?? db;
  const id = newRowId('msg_');
  const { count } = await client.message.createMany({
    data: [
      {
        id,
        key: message.key,
        kind: message.kind,
        channel: message.channel,
        topic: message.topic,
        to: message.channel === 'EMAIL' ? message.to.toLowerCase() : message.to,
        email: message.email?.toLowerCase() ?? null,
        orderId: message.orderId ?? null,
        payload: message.content,
        ...(message.sendAfter ? { sendAfter: message.sendAfter } : {}),
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const job = () => enqueueJob(MESSAGE_DELIVER, { messageId: id }, { ...(tx ? { tx } : {}), startAfter: message.sendAfter });
  if (tx) await job();
  // Outside a transaction the row is already written: a job that fails to be sent is found by the relay.
  else await job().catch((error: unknown) => console.error('[messaging] delivery job not sent; the relay will', id, error));
  return id;
}
