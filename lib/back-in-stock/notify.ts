import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { backInStockEmail } from './email';
import { listDueBackInStockRequests } from './requests';

const BATCH = 200;

// Run by the message sweep every minute: each open request whose variant is sellable again gets its one e-mail.
// Stock comes back by many roads (a delivery, an import, a cancelled or uncollected order, a hold that ran out), so
// the sweep looks at the stock rather than each road calling in. Marking the request done and queueing the e-mail are
// one transaction, and the mark is a conditional update: two sweeps queue it once, and a request made again later
// (sentAt cleared) gets a new e-mail. The e-mail is rendered before that transaction opens, so the request's row is
// locked only for the update and the insert. Topic ORDERS: the shopper asked for exactly this message, once.
export async function sendBackInStockEmails(now: Date = new Date()): Promise<number> {
  let queued = 0;
  for (const request of await listDueBackInStockRequests(BATCH)) {
    try {
      const url = `${env.APP_URL.replace(/\/$/, '')}/p/${encodeURIComponent(request.productSlug)}`;
      const email = await backInStockEmail({ productName: request.productName, variantLabel: request.variantLabel, url });
      const done = await db.$transaction(async (tx) => {
        const { count } = await tx.backInStockRequest.updateMany({ where: { id: request.id, sentAt: null }, data: { sentAt: now } });
        if (count === 0) return false;
        await sendEmail(
          { to: request.email, ...email },
          { key: `back_in_stock:${request.id}:${now.toISOString()}`, kind: 'back_in_stock', topic: 'ORDERS', tx },
        );
        return true;
      });
      if (done) queued++;
    } catch (error) {
      console.error(`[back-in-stock] e-mail for request ${request.id} not queued`, error);
    }
  }
  return queued;
}
