// The servers the end-to-end tests run against, shared by playwright.config.ts and the fixtures. Each can be moved
// with an environment variable so that several people's runs can share one machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const dbPort = Number(process.env.E2E_DB_PORT ?? 54330);
const dbDir = process.env.E2E_DB_DIR ?? '.data/e2e';

// The shop as `npm start` starts it: embedded database, demo payments.
export const demoShop = { port, baseURL: `http://127.0.0.1:${port}`, dbPort, dbDir };

// The same build started a second time with Stripe's keys, its API pointed at the stand-in below.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 1);
export const stripeShop = {
  port: stripePort,
  baseURL: `http://127.0.0.1:${stripePort}`,
  dbPort: Number(process.env.E2E_STRIPE_DB_PORT ?? dbPort + 1),
  dbDir: process.env.E2E_STRIPE_DB_DIR ?? `${dbDir}-stripe`,
};

// The stand-in for Stripe's API (tests/helpers/stripe-api-double.ts): the shop's server and, through route
// interception, the browser's Stripe.js stand-in talk to it; it sends signed webhooks to the shop.
const stripeApiPort = Number(process.env.E2E_STRIPE_API_PORT ?? port + 2);
export const stripeApi = { port: stripeApiPort, url: `http://127.0.0.1:${stripeApiPort}` };

export const stripeKeys = { publishable: 'pk_test_e2e_northwind', secret: 'sk_test_e2e_northwind', webhookSecret: 'whsec_e2e_northwind' };
