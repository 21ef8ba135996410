import 'server-only';
import { db } from '@/lib/db';
import { toConsentJson } from './account-consent';
import { getConsents } from './consent';
import type { ContactMessagingJson } from './schemas';

// What the staff 360° view shows about one shopper's messages: their consent per channel and topic, and the latest
// messages with what became of each. The caller must already be allowed to see this shopper (lib/pickup/customer.ts
// reaches them only through an order at the associate's store); nothing here checks that.
export async function getContactMessaging(email: string, limit = 10): Promise<ContactMessagingJson> {
  const [consents, rows] = await Promise.all([
    getConsents(email),
    db.message.findMany({
      where: { email: email.trim().toLowerCase() },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { kind: true, channel: true, status: true, payload: true, createdAt: true, sentAt: true },
    }),
  ]);
  return {
    // The number an SMS consent was given for stays out: the contact line already shows the shopper's phone.
    consents: consents.map(toConsentJson).map(({ channel, topic, granted, required, source, changedAt }) => ({
      channel,
      topic,
      granted,
      required,
      source,
      changedAt,
    })),
    messages: rows.map((row) => ({
      kind: row.kind,
      channel: row.channel === 'EMAIL' ? 'email' : 'sms',
      status: row.status.toLowerCase() as ContactMessagingJson['messages'][number]['status'],
      subject: row.channel === 'EMAIL' ? ((row.payload as { subject?: string } | null)?.subject ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}
