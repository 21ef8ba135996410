import 'server-only';
import { OrderEmail } from './emails/order-email';
import { renderEmailHtml } from './emails/render';

export type OrderEmailView = {
  kind: 'confirmation' | 'new_code';
  number: string;
  url: string;
  statusLabel: string;
  lines: { name: string; quantity: number; total: string }[];
  totals: { label: string; value: string; strong?: boolean }[];
  fulfilment: { heading: string; lines: string[] };
  // The code in words and the `cid:` of its QR image.
  pickup: { code: string; qrCid: string } | null;
};

export async function orderConfirmationEmail(view: OrderEmailView) {
  const subject = view.kind === 'new_code' ? `Your new pickup code for order ${view.number}` : `Order ${view.number} confirmed`;
  const intro =
    view.kind === 'new_code'
      ? `Here is a new pickup code for order ${view.number}. Any earlier code no longer works.`
      : `Thank you for your order ${view.number}. ${view.statusLabel}.`;
  const text = [
    intro,
    ...(view.pickup ? ['', `Your pickup code: ${view.pickup.code}`, 'Show it (or the QR code in this e-mail) at the counter.'] : []),
    '',
    ...view.lines.map((l) => `${l.quantity} × ${l.name}  ${l.total}`),
    '',
    ...view.totals.map((t) => `${t.label}: ${t.value}`),
    '',
    `${view.fulfilment.heading}:`,
    ...view.fulfilment.lines,
    '',
    `View or manage your order: ${view.url}`,
  ].join('\n');
  const html = await renderEmailHtml(OrderEmail, {
    number: view.number,
    intro,
    url: view.url,
    lines: view.lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: l.total })),
    totals: view.totals,
    fulfilment: view.fulfilment,
    pickup: view.pickup,
  });
  return { subject, text, html };
}
