// Runs the Stripe API stand-in on its own for the end-to-end tests (a webServer in playwright.config.ts):
// STRIPE_DOUBLE_PORT, and the shop's webhook address and secret to send signed events to.
import { startStripeApiDouble } from './stripe-api-double';

const port = Number(process.env.STRIPE_DOUBLE_PORT ?? 0);
const url = process.env.STRIPE_DOUBLE_WEBHOOK_URL;
const secret = process.env.STRIPE_DOUBLE_WEBHOOK_SECRET;
const double = await startStripeApiDouble({ port, ...(url && secret ? { webhook: { url, secret } } : {}) });
console.log(`Stripe API stand-in on ${double.url}${url ? `, webhooks to ${url}` : ''}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void double.close().then(() => process.exit(0)));
