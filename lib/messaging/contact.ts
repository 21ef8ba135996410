import 'server-only';
import { db } from '@/lib/db';
import { getConsents, type ConsentState } from './consent';

export type SentMessage = {
  kind: string;
  channel: 'EMAIL' | 'SMS';
  status: 'QUEUED' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED';
  subject: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

// What the staff 360° view shows about one shopper's messages: their consent per channel and topic, and the latest
// messages with what became of each. The caller must already be allowed to see this shopper (lib/pickup/customer.ts
// reaches them only through an order at the associate's store); nothing here checks that.
export async function getContactMessaging(email: string, limit = 20): Promise<{ consents: ConsentState[]; messages: SentMessage[] }> {
  const [consents, rows] = await Promise.all([
    getConsents(email),
    db.message.findMany({
      where: { email: email.toLowerCase() },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { kind: true, channel: true, status: true, payload: true, createdAt: true, sentAt: true },
    }),
  ]);
  const messages = rows.map(({ payload, ...row }) => ({
    ...row,
    subject: row.channel === 'EMAIL' ? ((payload as { subject?: string } | null)?.subject ?? null) : null,
  }));
  return { consents, messages };
}
