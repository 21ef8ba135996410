import 'server-only';
import { BackInStockEmail } from '@/lib/notifications/emails/back-in-stock-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';

// "It's back": the one e-mail a back-in-stock request asked for (lib/back-in-stock/notify.ts).
export type BackInStockView = { productName: string; variantLabel: string | null; url: string };

export async function backInStockEmail(view: BackInStockView): Promise<{ subject: string; text: string; html: string }> {
  const name = view.variantLabel ? `${view.productName} (${view.variantLabel})` : view.productName;
  const subject = `${view.productName} is back in stock`;
  const body = `Good news: ${name}, which you asked us about, is back in stock. Popular sizes and colours go quickly, so we can't hold it for you.`;
  const after = 'You asked for one e-mail when it came back: this is it, and we will not write about it again.';
  const text = `${body}\n\nSee it and add it to your bag: ${view.url}\n\n${after}`;
  const html = await renderEmailHtml(BackInStockEmail, { body, url: view.url, after });
  return { subject, text, html };
}
