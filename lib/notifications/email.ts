import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

// An inline image the HTML refers to as `cid:<cid>` (mail clients block data: URLs and strip inline SVG).
type InlineImage = { cid: string; filename: string; contentType: string; content: Buffer };
export type EmailMessage = { to: string; subject: string; text: string; html?: string; inlineImages?: InlineImage[] };

// The outbox keeps one HTML document, so its images travel inside it as data: URLs.
function inlineForOutbox(html: string, images: readonly InlineImage[]): string {
  return images.reduce(
    (out, img) => out.replaceAll(`cid:${img.cid}`, `data:${img.contentType};base64,${img.content.toString('base64')}`),
    html,
  );
}

let transport: Transporter | null = null;

// With SMTP_URL set, mail goes out through nodemailer; otherwise (demo, embedded, tests) it lands
// in the OutboxMessage table, which a developer reads at /dev/mail.
export async function sendEmail(message: EmailMessage): Promise<{ delivery: 'smtp' | 'outbox' }> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    const { inlineImages = [], ...rest } = message;
    const attachments = inlineImages.map(({ cid, filename, contentType, content }) => ({ cid, filename, contentType, content }));
    const result = await transport.sendMail({ from: env.MAIL_FROM, ...rest, attachments });
    const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
    if (failed.length) throw new Error(`E-mail to ${failed.join(', ')} could not be sent`);
    return { delivery: 'smtp' };
  }
  await db.outboxMessage.create({
    data: {
      channel: 'email',
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ? inlineForOutbox(message.html, message.inlineImages ?? []) : null,
    },
  });
  return { delivery: 'outbox' };
}
