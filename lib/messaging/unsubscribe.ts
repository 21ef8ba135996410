import 'server-only';
import { z } from 'zod';
import { signValue, unsignValue } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { TOPICS, type Topic } from './types';

// A signed token naming one contact and one e-mail topic: the link in a reminder or offer e-mail turns that topic
// off without signing in (RFC 8058 one-click). Tampering with any part breaks the signature.
const PURPOSE = 'unsubscribe';
const payload = z.object({ e: z.email(), t: z.enum(TOPICS as [Topic, ...Topic[]]) });

export function unsubscribeToken(email: string, topic: Topic): string {
  return signValue(Buffer.from(JSON.stringify({ e: email.toLowerCase(), t: topic })).toString('base64url'), PURPOSE);
}

export function readUnsubscribeToken(token: string): { email: string; topic: Topic } | null {
  const value = unsignValue(token, PURPOSE);
  if (!value) return null;
  try {
    const parsed = payload.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { email: parsed.data.e, topic: parsed.data.t } : null;
  } catch {
    return null;
  }
}

const base = () => env.APP_URL.replace(/\/$/, '');

// The page a person lands on from the link in the e-mail's body (asks to confirm: a link scanner's GET changes nothing).
export function unsubscribePageUrl(email: string, topic: Topic): string {
  return `${base()}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(email, topic))}`;
}

// The headers a mail client's own "Unsubscribe" button uses: a POST of `List-Unsubscribe=One-Click` to that URL.
export function unsubscribeHeaders(email: string, topic: Topic): Record<string, string> {
  const url = `${base()}/api/v1/messaging/unsubscribe?token=${encodeURIComponent(unsubscribeToken(email, topic))}`;
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
