import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type EmailMessage = { to: string; subject: string; text: string; html?: string };

let transport: Transporter | null = null;

// With SMTP_URL set, mail goes out through nodemailer; otherwise (demo, embedded, tests) it lands
// in the OutboxMessage table, which a developer reads at /dev/mail.
export async function sendEmail(message: EmailMessage): Promise<{ delivery: 'smtp' | 'outbox' }> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    const result = await transport.sendMail({ from: env.MAIL_FROM, ...message });
    const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
    if (failed.length) throw new Error(`E-mail to ${failed.join(', ')} could not be sent`);
    return { delivery: 'smtp' };
  }
  await db.outboxMessage.create({
    data: { channel: 'email', to: message.to, subject: message.subject, text: message.text, html: message.html ?? null },
  });
  return { delivery: 'outbox' };
}
