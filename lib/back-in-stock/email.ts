import { brand, escapeHtml } from '@/lib/notifications/templates';

// "It's back": the one e-mail a back-in-stock request asked for (lib/back-in-stock/notify.ts).
export type BackInStockView = { productName: string; variantLabel: string | null; url: string };

export function backInStockEmail(view: BackInStockView): { subject: string; text: string; html: string } {
  const name = view.variantLabel ? `${view.productName} (${view.variantLabel})` : view.productName;
  const subject = `${view.productName} is back in stock`;
  const body = `Good news: ${name}, which you asked us about, is back in stock. Popular sizes and colours go quickly, so we can't hold it for you.`;
  const after = 'You asked for one e-mail when it came back: this is it, and we will not write about it again.';
  const text = `${body}\n\nSee it and add it to your bag: ${view.url}\n\n${after}`;
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1><p>${escapeHtml(body)}</p>
<p style="margin-top:24px"><a href="${escapeHtml(view.url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">See it</a></p>
<p style="color:${brand.muted};font-size:13px">${escapeHtml(after)}</p></div>`;
  return { subject, text, html };
}
