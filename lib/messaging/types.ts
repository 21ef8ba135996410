import type { ConsentChannel, ConsentTopic } from '@/lib/generated/prisma/enums';

export type Channel = ConsentChannel;
export type Topic = ConsentTopic;

export const CHANNELS: readonly Channel[] = ['EMAIL', 'SMS'];
export const TOPICS: readonly Topic[] = ['ORDERS', 'BAG_REMINDERS', 'OFFERS'];

// An image the HTML refers to as `cid:<cid>` (mail clients block data: URLs), kept as base64 in the message row.
export type InlineImage = { cid: string; filename: string; contentType: string; base64: string };

export type EmailContent = {
  subject: string;
  text: string;
  html?: string;
  inlineImages?: InlineImage[];
  headers?: Record<string, string>;
};

export type SmsContent = { text: string };

export type NewMessage = {
  // Unique per (kind, subject, channel): a repeated cause enqueues nothing.
  key: string;
  kind: string;
  topic: Topic;
  // The contact whose consent gates it (the e-mail address a guest gave, or the account's).
  email: string | null;
  orderId?: string | null;
  sendAfter?: Date;
} & ({ channel: 'EMAIL'; to: string; content: EmailContent } | { channel: 'SMS'; to: string; content: SmsContent });
