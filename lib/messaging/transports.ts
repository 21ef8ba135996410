import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import type { EmailContent, SmsContent } from './types';

// Where messages go: SMTP (SMTP_URL) and Twilio (TWILIO_*) when configured, else the development outbox (the
// OutboxMessage table, read at /dev/mail). An external send cannot be part of a database transaction.
export const emailTransport = (): 'smtp' | 'outbox' => (env.SMTP_URL ? 'smtp' : 'outbox');
export const smsTransport = (): 'twilio' | 'outbox' =>
  env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM ? 'twilio' : 'outbox';

let transport: Transporter | null = null;

export async function sendSmtp(to: string, content: EmailContent): Promise<void> {
  transport ??= createTransport(env.SMTP_URL);
  const attachments = (content.inlineImages ?? []).map(({ cid, filename, contentType, base64 }) => ({
    cid,
    filename,
    contentType,
    content: Buffer.from(base64, 'base64'),
  }));
  const result = await transport.sendMail({
    from: env.MAIL_FROM,
    to,
    subject: content.subject,
    text: content.text,
    ...(content.html ? { html: content.html } : {}),
    headers: content.headers ?? {},
    attachments,
  });
  const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
  if (failed.length) throw new Error(`E-mail to ${failed.join(', ')} could not be sent`);
}

// Twilio's Messages API (2010-04-01), called with fetch: form-encoded, basic auth with the account SID and token.
export async function sendTwilio(to: string, content: SmsContent): Promise<string> {
  const sid = env.TWILIO_ACCOUNT_SID!;
  const url = `${env.TWILIO_API_BASE.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sid}:${env.TWILIO_AUTH_TOKEN}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ To: to, From: env.TWILIO_FROM!, Body: content.text }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => ({}))) as { sid?: string; message?: string; code?: number };
  if (!response.ok || !body.sid) throw new Error(`SMS to ${to} refused (${response.status}): ${body.message ?? 'no message id'}`);
  return body.sid;
}

// The outbox keeps one HTML document, so its images travel inside it as data: URLs.
export function htmlForOutbox(content: EmailContent): string | null {
  if (!content.html) return null;
  return (content.inlineImages ?? []).reduce(
    (out, img) => out.replaceAll(`cid:${img.cid}`, `data:${img.contentType};base64,${img.base64}`),
    content.html,
  );
}
