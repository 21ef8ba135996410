import { brand, escapeHtml } from './templates';

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

const cell = 'padding:6px 0;border-bottom:1px solid #e7e5e4';

function pickupBlock(pickup: NonNullable<OrderEmailView['pickup']>): string {
  return `<div style="border:2px solid ${brand.brand};border-radius:12px;padding:16px;text-align:center;margin:16px 0">
<p style="margin:0;color:${brand.muted}">Your pickup code</p>
<p style="margin:4px 0 12px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,monospace">${escapeHtml(pickup.code)}</p>
<img src="cid:${escapeHtml(pickup.qrCid)}" width="200" height="200" alt="QR code for pickup code ${escapeHtml(pickup.code)}" style="display:block;margin:0 auto">
<p style="margin:12px 0 0;color:${brand.muted};font-size:13px">Show the code or the QR code at the counter.</p></div>`;
}

export function orderConfirmationEmail(view: OrderEmailView) {
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
  const rows = view.lines
    .map(
      (l) =>
        `<tr><td style="${cell}">${l.quantity} × ${escapeHtml(l.name)}</td><td style="${cell};text-align:right">${escapeHtml(l.total)}</td></tr>`,
    )
    .join('');
  const totals = view.totals
    .map(
      (t) =>
        `<tr><td style="padding:4px 0${t.strong ? ';font-weight:700' : ''}">${escapeHtml(t.label)}</td><td style="padding:4px 0;text-align:right${t.strong ? ';font-weight:700' : ''}">${escapeHtml(t.value)}</td></tr>`,
    )
    .join('');
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1>
<p>${escapeHtml(intro)}</p>
${view.pickup ? pickupBlock(view.pickup) : ''}
<table role="presentation" style="width:100%;border-collapse:collapse;margin-top:16px">${rows}${totals}</table>
<h2 style="font-size:16px;margin-top:24px">${escapeHtml(view.fulfilment.heading)}</h2>
<p style="margin:0">${view.fulfilment.lines.map(escapeHtml).join('<br>')}</p>
<p style="margin-top:24px"><a href="${escapeHtml(view.url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">View your order</a></p>
</div>`;
  return { subject, text, html };
}
