import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, type Db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { enqueueMessage } from '@/lib/messaging/messages';
import { emailTransport, htmlForOutbox, sendSmtp } from '@/lib/messaging/transports';
import type { EmailContent, Topic } from '@/lib/messaging/types';

// An inline image the HTML refers to as `cid:<cid>` (mail clients block data: URLs and strip inline SVG).
type InlineImage = { cid: string; filename: string; contentType: string; content: Buffer };
export type EmailMessage = { to: string; subject: string; text: string; html?: string; inlineImages?: InlineImage[] };

export type SendEmailOptions = {
  // Unique per (kind, subject): the same key is never sent twice. Without one, every call is a new message.
  key?: string;
  kind?: string;
  topic?: Topic;
  orderId?: string;
  headers?: Record<string, string>;
  sendAfter?: Date;
  // Enqueue in the caller's transaction: the e-mail exists only if it commits.
  tx?: Tx | Db;
};

function toContent(message: EmailMessage, headers?: Record<string, string>): EmailContent {
  return {
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.inlineImages?.length
      ? {
          inlineImages: message.inlineImages.map(({ cid, filename, contentType, content }) => ({
            cid,
            filename,
            contentType,
            base64: content.toString('base64'),
          })),
        }
      : {}),
    ...(headers ? { headers } : {}),
  };
}

// Queues an e-mail: the worker (lib/jobs/worker.ts) sends it through SMTP_URL, or to the development outbox read at
// /dev/mail, with retries. Returns false when the key had been used (already queued or sent).
export async function sendEmail(message: EmailMessage, options: SendEmailOptions = {}): Promise<{ queued: boolean }> {
  const kind = options.kind ?? 'email';
  const id = await enqueueMessage(
    {
      key: options.key ?? `${kind}:${randomUUID()}`,
      kind,
      channel: 'EMAIL',
      topic: options.topic ?? 'ORDERS',
      to: message.to,
      email: message.to,
      orderId: options.orderId ?? null,
      content: toContent(message, options.headers),
      ...(options.sendAfter ? { sendAfter: options.sendAfter } : {}),
    },
    options.tx ? { tx: options.tx } : {},
  );
  return { queued: id !== null };
}

// Sends now, in the request: only for sign-in and sign-up links, which the person is waiting for on the page (a
// queued link would add the worker's polling delay to every sign-in, and an account e-mail needs no consent).
export async function sendEmailNow(message: EmailMessage): Promise<void> {
  const content = toContent(message);
  if (emailTransport() === 'smtp') return sendSmtp(message.to, content);
  await db.outboxMessage.create({
    data: { channel: 'email', to: message.to.toLowerCase(), subject: content.subject, text: content.text, html: htmlForOutbox(content) },
  });
}
