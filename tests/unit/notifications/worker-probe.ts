// Run by worker-runtime.test.ts the way `npm run worker` runs scripts/worker.ts: renders the "ready" e-mail through
// the same imports the worker uses and prints what came out.
import { readyForPickupEmail } from '@/lib/pickup/ready-email';

const mail = await readyForPickupEmail({
  number: 'NW-1',
  url: 'https://shop.example/orders/o1',
  store: { name: 'Camden', addressLines: ['2 Market Rd'], hoursToday: '09:00–18:00' },
  code: 'ABC234',
  qrCid: 'pickup-qr',
});
console.log(JSON.stringify({ subject: mail.subject, html: mail.html }));
