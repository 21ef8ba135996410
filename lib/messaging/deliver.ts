import 'server-only';
import { db } from '@/lib/db';
import { newRowId } from '@/lib/db/ids';
import type { Message, Prisma } from '@/lib/generated/prisma/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { MESSAGE_DELIVER } from '@/lib/jobs/queues';
import { mayMessage } from './consent';
import { afterSent, stillDue } from './kinds';
import { env } from '@/lib/env';
import { parseQuietHours, smsAllowedFrom } from './quiet-hours';
import { emailTransport, htmlForOutbox, sendSmtp, sendTwilio, smsTransport } from './transports';
import type { EmailContent, SmsContent } from './types';

// A claim lasts this long; a worker that died holding it leaves the message to the next attempt after that.
const LEASE_MS = 2 * 60_000;
// Per recipient and channel: past this many messages in an hour, the next waits (a loop or a flood of causes must
// not spam anyone).
export const RECIPIENT_LIMIT_PER_HOUR = 10;
const LIMIT_WAIT_MS = 15 * 60_000;

export type Delivery = 'sent' | 'skipped' | 'deferred' | 'not_queued';

async function defer(id: string, until: Date, reason: string): Promise<Delivery> {
  await db.message.update({ where: { id }, data: { status: 'QUEUED', lockedUntil: null, sendAfter: until, lastError: reason } });
  await enqueueJob(MESSAGE_DELIVER, { messageId: id }, { startAfter: until });
  return 'deferred';
}

// After sending, the row keeps what it was, not what it said (pickup codes stay out of it).
const sentPayload = (channel: 'EMAIL' | 'SMS', payload: unknown) =>
  channel === 'EMAIL' ? { subject: (payload as EmailContent).subject } : { length: (payload as SmsContent).text.length };

type Claimed = Message & { recent: number };

// Claims the row (QUEUED → SENDING, or a lapsed claim through the outbox) and counts what went to the same recipient
// on the same channel in the last hour, in one statement; nothing when another worker holds it or it is done.
async function claim(messageId: string, now: Date): Promise<Claimed | null> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const [row] = await db.$queryRaw<Claimed[]>`
    UPDATE "Message" m SET "status" = 'SENDING', "attempts" = m."attempts" + 1, "lockedUntil" = ${lease}
    WHERE m."id" = ${messageId} AND (m."status" = 'QUEUED' OR (m."status" = 'SENDING' AND m."lockedUntil" < ${now}
      AND NOT CASE m."channel" WHEN 'EMAIL' THEN ${emailTransport() !== 'outbox'}::boolean ELSE ${smsTransport() !== 'outbox'}::boolean END))
    RETURNING m.*, (SELECT count(*)::int FROM "Message" r WHERE r."to" = m."to" AND r."channel" = m."channel"
      AND r."status" = 'SENT' AND r."sentAt" > ${hourAgo}) AS "recent"`;
  return row ?? null;
}

// Through the outbox, the message is written and its row marked SENT by one statement.
async function sendToOutbox(row: Message, sent: Prisma.MessageUpdateInput & { sentAt: Date; payload: object }): Promise<void> {
  const content = row.payload as EmailContent & SmsContent;
  const email = row.channel === 'EMAIL';
  await db.$executeRaw`
    WITH box AS (
      INSERT INTO "OutboxMessage" ("id", "channel", "to", "subject", "text", "html", "headers")
      VALUES (${newRowId('ob')}, ${email ? 'email' : 'sms'}, ${row.to}, ${email ? content.subject : ''}, ${content.text},
        ${email ? htmlForOutbox(content) : null}, ${content.headers ? JSON.stringify(content.headers) : null}::jsonb)
    )
    UPDATE "Message" SET "status" = 'SENT', "sentAt" = ${sent.sentAt}, "lockedUntil" = NULL, "lastError" = NULL,
      "payload" = ${JSON.stringify(sent.payload)}::jsonb
    WHERE "id" = ${row.id}`;
}

// Delivers one message at most once. The row is claimed (QUEUED → SENDING) by one conditional update, so a second
// worker or a repeated job finds nothing to do. Through the outbox, writing the message and marking it SENT are one
// statement, so a claim left by a dead worker is safe to take again; through SMTP or Twilio it is not (the
// message may have gone), so such a message is marked FAILED rather than risk sending it twice.
export async function deliverMessage(messageId: string, { now = new Date(), lastAttempt = false } = {}): Promise<Delivery> {
  const row = await claim(messageId, now);
  if (!row) {
    const left = await db.message.findUnique({ where: { id: messageId }, select: { status: true, lockedUntil: true } });
    if (left?.status === 'SENDING' && left.lockedUntil && left.lockedUntil < now)
      await db.message.updateMany({
        where: { id: messageId, status: 'SENDING', lockedUntil: left.lockedUntil },
        data: { status: 'FAILED', lastError: 'Interrupted while sending; not sent again in case it went out' },
      });
    return 'not_queued';
  }
  const external = row.channel === 'EMAIL' ? emailTransport() !== 'outbox' : smsTransport() !== 'outbox';
  if (!(await mayMessage(row.email, row.channel, row.topic, row.to))) {
    await db.message.update({ where: { id: messageId }, data: { status: 'SKIPPED', lockedUntil: null, lastError: 'No consent' } });
    return 'skipped';
  }
  if (!(await stillDue(row))) {
    await db.message.update({ where: { id: messageId }, data: { status: 'SKIPPED', lockedUntil: null, lastError: 'No longer due' } });
    return 'skipped';
  }
  if (row.channel === 'SMS') {
    const allowed = smsAllowedFrom(now, parseQuietHours(env.SMS_QUIET_HOURS));
    if (allowed > now) return defer(messageId, allowed, 'Quiet hours');
  }
  if (row.recent >= RECIPIENT_LIMIT_PER_HOUR) return defer(messageId, new Date(now.getTime() + LIMIT_WAIT_MS), 'Recipient rate limit');

  const sent = { status: 'SENT' as const, sentAt: now, lockedUntil: null, lastError: null, payload: sentPayload(row.channel, row.payload) };
  try {
    if (external) {
      if (row.channel === 'EMAIL') await sendSmtp(row.to, row.payload as EmailContent);
      else await sendTwilio(row.to, row.payload as SmsContent);
      await db.message.update({ where: { id: messageId }, data: sent });
    } else {
      await sendToOutbox(row, sent);
    }
    await afterSent(row, now);
    return 'sent';
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    await db.message.update({
      where: { id: messageId },
      data: { status: lastAttempt ? 'FAILED' : 'QUEUED', lockedUntil: null, lastError },
    });
    throw error;
  }
}
