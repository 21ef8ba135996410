import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { SubstitutionRequestEmail } from '@/lib/notifications/emails/substitution-request-email';
import { formatMoney } from '@/lib/utils';

const timeIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);

// "We can't find …": one e-mail for the lines an associate just marked short, each with the substitute offered (at no
// more than the line's price) or none, and the time to answer by on the order page (from any device).
export async function sendSubstitutionEmail(orderId: string, lineIds: readonly string[]): Promise<void> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      number: true,
      email: true,
      currency: true,
      pickupLocation: { select: { name: true, timeZone: true, substitutionAnswerMinutes: true } },
      lines: { where: { id: { in: [...lineIds] } }, select: { id: true, name: true, quantity: true, unitPriceMinor: true } },
      pickup: { select: { lines: { where: { orderLineId: { in: [...lineIds] }, substitution: 'PROPOSED' } } } },
    },
  });
  const asked = order.pickup?.lines ?? [];
  if (!asked.length || !order.pickupLocation) return;
  const store = order.pickupLocation;
  const subs = await db.variant.findMany({
    where: { id: { in: asked.map((a) => a.substituteVariantId).filter((v): v is string => Boolean(v)) } },
    select: { id: true, size: true, color: true, priceMinor: true, product: { select: { name: true } } },
  });
  const lines = asked.flatMap((a) => {
    const line = order.lines.find((l) => l.id === a.orderLineId);
    if (!line) return [];
    const sub = subs.find((s) => s.id === a.substituteVariantId);
    if (!sub) return [`${line.quantity} × ${line.name}: we can't find it, and have nothing like it. It will be removed from your order.`];
    const label = [sub.product.name, sub.color, sub.size].filter(Boolean).join(', ');
    const price = formatMoney(Math.min(sub.priceMinor, line.unitPriceMinor), order.currency);
    return [`${line.quantity} × ${line.name}: we can't find it. We can give you ${label} instead, at ${price} each.`];
  });
  const answerBy = new Date(
    Math.min(...asked.map((a) => (a.substitutionAskedAt ?? new Date()).getTime())) + store.substitutionAnswerMinutes * 60_000,
  );
  const url = `${env.APP_URL.replace(/\/$/, '')}/orders/${orderId}`;
  const closing = `Please accept or decline on your order page by ${timeIn(answerBy, store.timeZone)}; after that we remove the item and refund any difference.`;
  const paragraphs = [`We are getting order ${order.number} ready at ${store.name}, and something is missing.`, ...lines, closing];
  await sendEmail(
    {
      to: order.email,
      subject: `Order ${order.number}: we can't find an item, please choose`,
      text: `${paragraphs.join('\n\n')}\n\nYour order: ${url}`,
      html: await renderEmailHtml(SubstitutionRequestEmail, { number: order.number, paragraphs, url }),
    },
    { kind: 'substitution_request', orderId },
  );
}
