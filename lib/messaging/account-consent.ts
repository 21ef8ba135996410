import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import type { Tx } from '@/lib/db/client';
import { getConsents, recordConsent, recordConsentTx, type ConsentState } from './consent';
import type { ConsentBody, CheckoutConsent } from './schemas';
import { toE164 } from './phone';
import type { Channel, Topic } from './types';

export type ConsentJson = {
  channel: 'email' | 'sms';
  topic: 'orders' | 'bag_reminders' | 'offers';
  granted: boolean;
  required: boolean;
  phone: string | null;
  source: 'checkout' | 'account' | 'store' | 'unsubscribe' | 'sms_stop' | null;
  changedAt: string | null;
};

export function toConsentJson(state: ConsentState): ConsentJson {
  return {
    channel: state.channel.toLowerCase() as ConsentJson['channel'],
    topic: state.topic.toLowerCase() as ConsentJson['topic'],
    granted: state.granted,
    required: state.required,
    phone: state.phone,
    source: (state.source?.toLowerCase() ?? null) as ConsentJson['source'],
    changedAt: state.changedAt?.toISOString() ?? null,
  };
}

// The signed-in shopper's own consents: they are kept by e-mail address, so those given as a guest at checkout
// with the same address are theirs too.
export async function getMyConsents(user: SessionUser): Promise<ConsentJson[]> {
  return (await getConsents(user.email)).map(toConsentJson);
}

export async function setMyConsent(user: SessionUser, body: ConsentBody): Promise<ConsentJson[]> {
  await recordConsent(
    user.email,
    [
      {
        channel: body.channel.toUpperCase() as Channel,
        topic: body.topic.toUpperCase() as Topic,
        granted: body.granted,
        phone: body.phone,
      },
    ],
    { source: 'ACCOUNT', userId: user.id },
  );
  return getMyConsents(user);
}

// The checkout's ticked boxes, in the order's transaction, for the e-mail the order was placed with (a guest's choices
// stay with that address). An unticked box records nothing: it neither grants nor withdraws.
export async function recordCheckoutConsentTx(
  tx: Tx,
  email: string,
  userId: string | null,
  consent: CheckoutConsent,
  now: Date = new Date(),
): Promise<void> {
  const changes = [
    ...(consent.smsUpdates
      ? [{ channel: 'SMS' as const, topic: 'ORDERS' as const, granted: true, phone: toE164(consent.phone ?? '') }]
      : []),
    ...(consent.offers ? [{ channel: 'EMAIL' as const, topic: 'OFFERS' as const, granted: true }] : []),
  ];
  if (changes.length) await recordConsentTx(tx, email, changes, { source: 'CHECKOUT', userId, now });
}
