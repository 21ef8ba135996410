import 'server-only';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { PointsExpiringEmail } from '@/lib/notifications/emails/points-expiring-email';

// "Your points expire soon", 30 days before (lib/messaging/points-expiring.ts). Sent as an offer, so it carries a
// visible way to stop (and the one-click headers beside it).
export type PointsExpiringView = { points: number; worth: string; date: string; url: string; unsubscribeUrl: string };

export async function pointsExpiringEmail(view: PointsExpiringView): Promise<{ subject: string; text: string; html: string }> {
  const points = view.points.toLocaleString('en-GB');
  const subject = `${points} Northwind Rewards points expire on ${view.date}`;
  const body = `${points} of your Northwind Rewards points (worth up to ${view.worth}) expire on ${view.date}. Spend them online or at any of our stores before then.`;
  const text = `${body}\n\nYour points and member card: ${view.url}\n\nNo more offers and news: ${view.unsubscribeUrl}`;
  const html = await renderEmailHtml(PointsExpiringEmail, { body, url: view.url, unsubscribeUrl: view.unsubscribeUrl });
  return { subject, text, html };
}
