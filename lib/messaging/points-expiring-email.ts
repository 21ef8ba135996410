import { brand, escapeHtml } from '@/lib/notifications/templates';

// "Your points expire soon", 30 days before (lib/messaging/points-expiring.ts). Sent as an offer, so it carries a
// visible way to stop (and the one-click headers beside it).
export type PointsExpiringView = { points: number; worth: string; date: string; url: string; unsubscribeUrl: string };

export function pointsExpiringEmail(view: PointsExpiringView): { subject: string; text: string; html: string } {
  const points = view.points.toLocaleString('en-GB');
  const subject = `${points} Northwind Rewards points expire on ${view.date}`;
  const body = `${points} of your Northwind Rewards points (worth up to ${view.worth}) expire on ${view.date}. Spend them online or at any of our stores before then.`;
  const text = `${body}\n\nYour points and member card: ${view.url}\n\nNo more offers and news: ${view.unsubscribeUrl}`;
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1><p>${escapeHtml(body)}</p>
<p style="margin-top:24px"><a href="${escapeHtml(view.url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">See my points</a></p>
<p style="color:${brand.muted};font-size:13px"><a href="${escapeHtml(view.unsubscribeUrl)}" style="color:${brand.muted}">No more offers and news</a></p></div>`;
  return { subject, text, html };
}
