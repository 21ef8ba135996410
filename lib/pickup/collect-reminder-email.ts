import 'server-only';
import { CollectReminderEmail } from '@/lib/notifications/emails/collect-reminder-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { fitSms } from '@/lib/messaging/sms-text';

// The "not yet collected" reminder, 48 and 24 hours before the store's cut-off (lib/pickup/collect-reminders.ts).
export type CollectReminderView = {
  number: string;
  store: string;
  // When the order goes back on the shelf, as the store's clock reads it ("Friday 11 December, 14:05").
  deadline: string;
  hoursLeft: 48 | 24;
  url: string;
};

const left = (hours: 48 | 24) => (hours === 48 ? '2 days left' : 'last day');

export async function collectReminderEmail(view: CollectReminderView): Promise<{ subject: string; text: string; html: string }> {
  const subject = `Order ${view.number} is waiting for you at ${view.store}: ${left(view.hoursLeft)} to collect`;
  const body = `Order ${view.number} is still waiting for you at ${view.store}. Please collect it by ${view.deadline}; after that we cancel it and put it back on the shelf.`;
  const text = `${body}\n\nView your order and pickup code: ${view.url}`;
  const html = await renderEmailHtml(CollectReminderEmail, { number: view.number, body, url: view.url });
  return { subject, text, html };
}

// An order update the shopper opted in to by text: transactional, so no "reply STOP" line, and within two segments.
export function collectReminderSms(view: CollectReminderView): string {
  const head = `Northwind: order ${view.number} is waiting at ${view.store}. Collect it by ${view.deadline}`;
  return fitSms([`${head} or it will be cancelled. ${view.url}`, `${head}. ${view.url}`, `${head}.`]);
}
