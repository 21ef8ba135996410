import 'server-only';
import { recordConsent } from './consent';
import { readUnsubscribeToken } from './unsubscribe';

// Turns off the e-mail topic a signed token names (source: the unsubscribe link). False for a bad token.
export async function unsubscribeWithToken(token: string, now: Date = new Date()): Promise<{ email: string; topic: string } | null> {
  const target = readUnsubscribeToken(token);
  if (!target || target.topic === 'ORDERS') return null;
  await recordConsent(target.email, [{ channel: 'EMAIL', topic: target.topic, granted: false }], { source: 'UNSUBSCRIBE', now });
  return target;
}
