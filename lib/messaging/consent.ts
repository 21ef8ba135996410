import 'server-only';
import { db, type Db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import type { ConsentSource } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import { CHANNELS, TOPICS, type Channel, type Topic } from './types';

export type ConsentState = {
  channel: Channel;
  topic: Topic;
  granted: boolean;
  // Order and pickup e-mails always go: they cannot be switched off.
  required: boolean;
  phone: string | null;
  source: ConsentSource | null;
  changedAt: Date | null;
};

export type ConsentChange = { channel: Channel; topic: Topic; granted: boolean; phone?: string | null };

const isAlwaysOn = (channel: Channel, topic: Topic) => channel === 'EMAIL' && topic === 'ORDERS';
export const contactKey = (email: string) => email.trim().toLowerCase();

// Every channel × topic for one contact, with its state and when and where it last changed (nothing recorded: off,
// except order e-mails, which are always on).
export async function getConsents(email: string, client: Db | Tx = db): Promise<ConsentState[]> {
  const rows = await client.consent.findMany({ where: { email: contactKey(email) } });
  return CHANNELS.flatMap((channel) =>
    TOPICS.map((topic) => {
      const row = rows.find((r: (typeof rows)[number]) => r.channel === channel && r.topic === topic);
      const required = isAlwaysOn(channel, topic);
      return {
        channel,
        topic,
        required,
        granted: required || (row?.granted ?? false),
        phone: row?.phone ?? null,
        source: row?.source ?? null,
        changedAt: row?.changedAt ?? null,
      };
    }),
  );
}

// The phone number this contact last gave for SMS, if any.
export async function knownSmsPhone(email: string, client: Db | Tx = db): Promise<string | null> {
  const row = await client.consent.findFirst({
    where: { email: contactKey(email), channel: 'SMS', phone: { not: null } },
    orderBy: { changedAt: 'desc' },
    select: { phone: true },
  });
  return row?.phone ?? null;
}

// Records changes in the caller's transaction: the current state is replaced and each change appended to the
// history. A change that changes nothing (same state, same phone) is not recorded again.
export async function recordConsentTx(
  tx: Tx,
  email: string,
  changes: ConsentChange[],
  { source, userId = null, now = new Date() }: { source: ConsentSource; userId?: string | null; now?: Date },
): Promise<number> {
  const contact = contactKey(email);
  let recorded = 0;
  for (const change of changes) {
    if (isAlwaysOn(change.channel, change.topic)) {
      if (!change.granted) throw new AppError(422, 'consent_required', 'Order and pickup e-mails cannot be turned off.');
      continue;
    }
    const current = await tx.consent.findUnique({
      where: { email_channel_topic: { email: contact, channel: change.channel, topic: change.topic } },
    });
    let phone = change.channel === 'SMS' ? (change.phone ?? current?.phone ?? null) : null;
    if (change.channel === 'SMS' && change.granted && !phone) phone = await knownSmsPhone(contact, tx);
    if (change.channel === 'SMS' && change.granted && !phone)
      throw new AppError(400, 'phone_required', 'Add a mobile number to get text messages.');
    if (current && current.granted === change.granted && current.phone === phone) continue;
    const state = { granted: change.granted, phone, source, changedAt: now };
    await tx.consent.upsert({
      where: { email_channel_topic: { email: contact, channel: change.channel, topic: change.topic } },
      create: { email: contact, channel: change.channel, topic: change.topic, ...state },
      update: state,
    });
    await tx.consentEvent.create({
      data: {
        email: contact,
        userId,
        channel: change.channel,
        topic: change.topic,
        granted: change.granted,
        phone,
        source,
        createdAt: now,
      },
    });
    recorded++;
  }
  return recorded;
}

export async function recordConsent(
  email: string,
  changes: ConsentChange[],
  options: { source: ConsentSource; userId?: string | null; now?: Date },
): Promise<number> {
  return db.$transaction((tx) => recordConsentTx(tx, email, changes, options));
}

// The gate at send time: order e-mails always; anything else only with that channel and topic granted, and an SMS
// only to the number that consent was given for.
export async function mayMessage(email: string | null, channel: Channel, topic: Topic, to: string, client: Db | Tx = db): Promise<boolean> {
  if (isAlwaysOn(channel, topic)) return true;
  if (!email) return false;
  const row = await client.consent.findUnique({ where: { email_channel_topic: { email: contactKey(email), channel, topic } } });
  if (!row?.granted) return false;
  return channel !== 'SMS' || row.phone === to;
}

// An inbound "STOP": every SMS topic of every contact with that number is withdrawn.
export async function withdrawSmsByPhone(phone: string, now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.consent.findMany({ where: { channel: 'SMS', phone, granted: true }, select: { email: true, topic: true } });
    let n = 0;
    for (const row of rows)
      n += await recordConsentTx(tx, row.email, [{ channel: 'SMS', topic: row.topic, granted: false, phone }], { source: 'SMS_STOP', now });
    return n;
  });
}
