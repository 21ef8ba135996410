import 'server-only';
import { env } from '@/lib/env';
import { withdrawSmsByPhone } from './consent';
import { toE164 } from './phone';
import { verifyTwilioSignature } from './twilio-signature';

// The words carriers and Twilio treat as opting out.
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);

// The URL Twilio was given for this webhook (what it signs): our public address, not what a proxy passed on.
export const inboundSmsUrl = () => `${env.APP_URL.replace(/\/$/, '')}/api/v1/messaging/sms/inbound`;

// Verifies the provider's signature over the form post, then acts on it. False when the signature is missing or
// wrong (or no auth token is configured: nothing can be verified, so nothing is believed).
export async function handleInboundSms(formBody: string, signature: string | null, now: Date = new Date()): Promise<boolean> {
  const params = Object.fromEntries(new URLSearchParams(formBody));
  if (!env.TWILIO_AUTH_TOKEN || !verifyTwilioSignature(env.TWILIO_AUTH_TOKEN, inboundSmsUrl(), params, signature)) return false;
  const word = (params.Body ?? '').trim().toUpperCase();
  const from = toE164(params.From ?? '');
  if (from && STOP_WORDS.has(word)) await withdrawSmsByPhone(from, now);
  return true;
}
