import type { Page } from '@playwright/test';
import { expect, newEmail, test, type Shop } from './fixtures';
import { demoShop, stripeShop } from './servers';

// Apple Pay / Google Pay through Stripe, in a browser. The shop runs with Stripe's keys (the same build as the other
// journeys, started again: tests/e2e/servers.ts); Stripe.js and Stripe's API are the stand-ins in tests/helpers, so
// the page's own code, our server and the real `stripe` SDK run as in production up to Stripe's door. Phone and
// desktop share one database, so each test takes its own product (a slot per project and test).
test.use({ baseURL: stripeShop.baseURL });

const SLOTS_PER_PROJECT = 5;

async function productFor(shop: Shop, projects: number, projectIndex: number, slot: number) {
  const picks = await shop.stockedVariants({ at: 'Riverside', minAvailable: 3, count: projects * SLOTS_PER_PROJECT });
  const pick = picks[projectIndex * SLOTS_PER_PROJECT + slot]!;
  return { variantId: pick.variantId, storeId: pick.storeId! };
}

type OrderAnswer = {
  order: { id: string; status: string; fulfilment: string; totalMinor: number; subtotalMinor: number; shippingMinor: number };
};

// The order as the server has it (the confirmation page's device holds the receipt that lets it ask).
async function orderOnServer(page: Page): Promise<OrderAnswer['order']> {
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  // A kept-alive connection the server is closing just then answers ECONNRESET; a read is safe to send again.
  const response = await page.request.get(`/api/v1/orders/${id}`, { maxRetries: 2 });
  expect(response.status()).toBe(200);
  return ((await response.json()) as OrderAnswer).order;
}

const sheet = (page: Page) => page.getByRole('dialog', { name: 'Google Pay (test wallet)' });

test('the bag’s wallet button pays for delivery at the server’s price, and Stripe’s webhook marks the order paid', async ({
  page,
  shop,
  shopper,
  wallet,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo.config.projects.length, projectIndex, 0);
  const email = newEmail('wallet-delivery');
  await wallet.install({ email });
  await shopper.putInBag(product.variantId);
  // Whatever amounts a tampered page sends are dropped: the server prices the bag itself.
  await page.route('**/api/v1/checkout', (route) =>
    route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), totalMinor: 1, amount: 1, shippingMinor: 0 }) }),
  );

  await page.goto('/cart');
  const express = page.getByRole('group', { name: 'Express checkout' });
  await express.getByRole('button', { name: 'Pay with Google Pay' }).click();
  // No store chosen: delivery is the only choice, and the wallet asks for the address.
  await expect(sheet(page).getByRole('radio')).toHaveCount(1);
  await expect(sheet(page).getByRole('radio', { name: /^Standard delivery \(2–4 working days\) \((£\d+\.\d\d|free)\)$/ })).toBeChecked();
  await expect(sheet(page)).toContainText('Ship to: Wallet Shopper, 1 Wallet Street');
  await sheet(page)
    .getByRole('button', { name: /^Pay £/ })
    .click();

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment_intent=pi_/, { timeout: 15_000 });
  await expect(page.getByTestId('order-status')).toHaveText(/^Paid/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Delivery to' })).toBeVisible();
  await expect(page.getByText('1 Wallet Street')).toBeVisible();
  const order = await orderOnServer(page);
  expect(order).toMatchObject({ status: 'PAID', fulfilment: 'DELIVERY' });
  expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor);
  const [intent, ...others] = await wallet.intentsFor({ orderId: order.id });
  expect(others).toEqual([]);
  // Stripe was asked for exactly the server's total, and the wallet showed the shopper the same.
  expect(intent).toMatchObject({ amount: order.totalMinor, currency: 'gbp', status: 'succeeded', shown_amount: order.totalMinor });
  await expect(page.getByTestId('header-cart-button')).toHaveAccessibleName('Bag, 0 items');
});

test('with a store chosen, the wallet offers collection there and one tap places a pickup order with no address', async ({
  page,
  shop,
  shopper,
  wallet,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo.config.projects.length, projectIndex, 1);
  await wallet.install({ email: newEmail('wallet-pickup') });
  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId);
  const mine = (await (await page.request.get('/api/v1/stores/mine', { maxRetries: 2 })).json()) as {
    store: { pickup: { readyBy: { label: string } } };
  };
  const ready = mine.store.pickup.readyBy.label.replace(/^Ready/, 'ready');
  expect(ready).toMatch(/^ready (today from|tomorrow at|\w+ at) \d\d:\d\d$/);
  const before = await shop.available(product.variantId, product.storeId);

  await page.goto('/cart');
  await page.getByRole('group', { name: 'Express checkout' }).getByRole('button', { name: 'Pay with Google Pay' }).click();
  const pickup = sheet(page).getByRole('radio', { name: `Collect at Riverside, ${ready} (free)` });
  const delivery = sheet(page).getByRole('radio', { name: /^Standard delivery/ });
  await expect(pickup).toBeChecked();
  const pickupTotal = await sheet(page).getByTestId('wallet-total').textContent();
  // Choosing delivery and back again: the wallet's total follows the rate (the page updates Stripe's amount).
  await delivery.check();
  await expect(delivery).toBeChecked();
  await pickup.check();
  await expect(pickup).toBeChecked();
  await expect(sheet(page).getByTestId('wallet-total')).toHaveText(pickupTotal!);
  await sheet(page)
    .getByRole('button', { name: /^Pay £/ })
    .click();

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment_intent=pi_/, { timeout: 15_000 });
  await expect(page.getByTestId('order-status')).toHaveText(/^Paid/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Pickup at Riverside' })).toBeVisible();
  await expect(page.getByText(/^Ready to collect from /)).toBeVisible();
  await expect(page.getByTestId('pickup-code')).toBeVisible();
  // The wallet's address was neither sent nor kept.
  await expect(page.getByText('1 Wallet Street')).toHaveCount(0);
  const order = await orderOnServer(page);
  expect(order).toMatchObject({ status: 'PAID', fulfilment: 'PICKUP', shippingMinor: 0 });
  expect(pickupTotal).toContain((order.totalMinor / 100).toFixed(2));
  const [intent] = await wallet.intentsFor({ orderId: order.id });
  expect(intent).toMatchObject({ amount: order.totalMinor, status: 'succeeded', shown_amount: order.totalMinor });
  // Paid: the unit left Riverside's shelf for this shopper.
  expect(await shop.available(product.variantId, product.storeId)).toBe(before - 1);
});

test('a declined wallet leaves the bag as it was and gives the held stock back', async ({
  page,
  shop,
  shopper,
  wallet,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo.config.projects.length, projectIndex, 2);
  const email = newEmail('wallet-decline');
  await wallet.install({ email, outcome: 'decline' });
  await shopper.putInBag(product.variantId, 2);
  await shopper.chooseStore(product.storeId);
  const before = await shop.available(product.variantId, product.storeId);

  await page.goto('/cart');
  await expect(page.getByTestId('header-cart-count')).toHaveText('2');
  await page.getByRole('group', { name: 'Express checkout' }).getByRole('button', { name: 'Pay with Google Pay' }).click();
  await expect(sheet(page).getByRole('radio', { name: /^Collect at Riverside/ })).toBeChecked();
  await sheet(page)
    .getByRole('button', { name: /^Pay £/ })
    .click();

  await expect(page.getByRole('group', { name: 'Express checkout' }).getByRole('alert')).toHaveText(
    'Your card was declined. Nothing was charged, and your bag is as it was.',
  );
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('header-cart-count')).toHaveText('2');
  // Stripe's payment_failed webhook cancels the order: the intent is cancelled and Riverside has the units back.
  await expect.poll(async () => (await wallet.intentsFor({ email })).map((i) => i.status)).toEqual(['canceled']);
  await expect.poll(() => shop.available(product.variantId, product.storeId)).toBe(before);
  await page.reload();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('header-cart-count')).toHaveText('2');
});

test('at checkout the wallet button pays for the pickup the form shows', async ({
  page,
  shop,
  shopper,
  wallet,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo.config.projects.length, projectIndex, 3);
  const email = newEmail('wallet-checkout');
  await wallet.install({ email });
  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId);

  await page.goto('/checkout');
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  // Stripe's elements: the wallet button and, below it, the card form.
  await expect(page.getByLabel('Card number (test stand-in)')).toBeVisible();
  await page.getByRole('button', { name: 'Pay with Google Pay' }).click();
  await expect(sheet(page).getByRole('radio')).toHaveCount(0);
  await expect(sheet(page)).toContainText(`Contact: ${email}`);
  await sheet(page)
    .getByRole('button', { name: /^Pay £/ })
    .click();

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment_intent=pi_/, { timeout: 15_000 });
  await expect(page.getByTestId('order-status')).toHaveText(/^Paid/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Pickup at Riverside' })).toBeVisible();
  const order = await orderOnServer(page);
  const [intent] = await wallet.intentsFor({ orderId: order.id });
  expect(intent).toMatchObject({ amount: order.totalMinor, status: 'succeeded', shown_amount: order.totalMinor });
});

test('at checkout a card in the Payment Element pays for the order, and a declined card says so', async ({
  page,
  shop,
  shopper,
  wallet,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo.config.projects.length, projectIndex, 4);
  const email = newEmail('card');
  await wallet.install();
  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId);

  await page.goto('/checkout');
  await page.getByLabel('Email').fill(email);
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  // Stripe checks the card form before the order is placed: nothing is placed without a card.
  await expect(page.getByLabel('Card number (test stand-in)')).toBeVisible();
  await page.getByTestId('place-order').click();
  await expect(page.locator('#checkout-error')).toHaveText('Your card number is incomplete.');
  expect(await wallet.intentsFor({ email })).toEqual([]);

  await page.getByLabel('Card number (test stand-in)').fill('4000 0000 0000 0002');
  await page.getByTestId('place-order').click();
  await expect(page.locator('#checkout-error')).toHaveText('Your card was declined.');
  await expect.poll(async () => (await wallet.intentsFor({ email })).map((i) => i.status)).toEqual(['canceled']);

  await page.getByLabel('Card number (test stand-in)').fill('4242 4242 4242 4242');
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment_intent=pi_/, { timeout: 15_000 });
  await expect(page.getByTestId('order-status')).toHaveText(/^Paid/, { timeout: 15_000 });
  const order = await orderOnServer(page);
  const [intent] = await wallet.intentsFor({ orderId: order.id });
  expect(intent).toMatchObject({ amount: order.totalMinor, status: 'succeeded' });
});

test.describe('the same build without Stripe keys', () => {
  test.use({ baseURL: demoShop.baseURL });

  test('shows no wallet button on the bag and loads nothing from Stripe', async ({ page, shop, shopper, wallet }) => {
    const stripeRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname.endsWith('stripe.com')) stripeRequests.push(request.url());
    });
    await wallet.install();
    const [pick] = await shop.stockedVariants({ count: 1 });
    await shopper.putInBag(pick!.variantId);
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Check stock at a store' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Express checkout' })).toHaveCount(0);
    expect(stripeRequests).toEqual([]);
  });
});
