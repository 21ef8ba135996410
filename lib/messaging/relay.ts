import 'server-only';
import { db } from '@/lib/db';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { MESSAGE_DELIVER } from '@/lib/jobs/queues';

// A message row whose delivery job never got written (queued while the queue was starting, or its job was sent after
// the row and that failed) is found here and given a job. A message that has a job already gets a second one, which
// finds it claimed or sent and does nothing.
const STRANDED_AFTER_MS = 2 * 60_000;

export async function relayStrandedMessages(now: Date = new Date()): Promise<number> {
  const stranded = await db.message.findMany({
    where: { status: 'QUEUED', sendAfter: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) } },
    select: { id: true },
    orderBy: { sendAfter: 'asc' },
    take: 200,
  });
  for (const { id } of stranded) await enqueueJob(MESSAGE_DELIVER, { messageId: id }, { singletonKey: id });
  return stranded.length;
}
