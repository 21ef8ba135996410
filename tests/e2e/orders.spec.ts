import type { Page } from '@playwright/test';
import { demo, expect, newEmail, test, type Shop, type Shopper } from './fixtures';

// After checkout: the confirmation page with its pickup code, payment confirmed while the page waits, cancelling,
// the guest lookup and the account's history. Orders are placed through the JSON API with the page's own cookies,
// so the browser holds the receipt exactly as after the checkout page.
type Order = { id: string; number: string };
type Placed = { order: Order; pickupCode: string; storeId: string; variantId: string };

// Each test and project takes its own variant (`slot`), from the end of the list: other journeys take the first
// products. The order is placed through the API with the page's cookies, as the checkout page places it.
async function placeGuestPickupOrder(page: Page, shop: Shop, shopper: Shopper, email: string, slot: number): Promise<Placed> {
  const [pick] = await shop.stockedVariants({
    count: 1,
    at: 'any pickup store',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: slot,
  });
  const { variantId, storeId } = { variantId: pick!.variantId, storeId: pick!.storeId! };
  await shopper.putInBag(variantId);
  const res = await page.request.post('/api/v1/checkout', {
    data: { email, fulfilment: 'PICKUP', pickupLocationId: storeId, payment: 'online' },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { order: Order; pickupCode: string };
  return { order: body.order, pickupCode: body.pickupCode, storeId, variantId };
}

const payDemo = (page: Page, orderId: string) =>
  page.request.post('/api/v1/checkout/demo-payment', { data: { orderId, outcome: 'succeed' } });

test('a guest waits on the confirmation page while payment completes, then sees the pickup code and can cancel', async ({
  page,
  axe,
  shop,
  shopper,
  projectIndex,
}) => {
  const placed = await placeGuestPickupOrder(page, shop, shopper, newEmail('confirm'), projectIndex);
  await page.goto(`/orders/${placed.order.id}`);
  await expect(page.getByTestId('payment-pending')).toContainText('Confirming your payment');
  const before = await shop.available(placed.variantId, placed.storeId);

  expect((await payDemo(page, placed.order.id)).status()).toBe(200);
  // The page notices by itself (it polls the orders API) and re-renders from the server.
  await expect(page.getByTestId('order-status')).toHaveText(/^Paid/, { timeout: 15_000 });
  await expect(page.getByTestId('pickup-code')).toHaveText(placed.pickupCode);
  await expect(page.getByRole('img', { name: 'QR code of your pickup code' }).locator('svg')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Pickup at / })).toBeVisible();
  await expect(page.getByText(/^Ready to collect from /)).toBeVisible();
  expect(await axe()).toEqual([]);

  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByRole('button', { name: 'Yes, cancel order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('cancelled-note')).toContainText('Your payment is refunded in full');
  await expect(page.getByTestId('pickup-code')).toHaveCount(0);
  // The paid unit went back on the store's shelf.
  expect(await shop.available(placed.variantId, placed.storeId)).toBe(before + 1);

  // The confirmation e-mail (demo outbox) carries the same code, and its HTML the QR code.
  await page.goto('/dev/mail');
  const mail = page.getByTestId('outbox-message').filter({ hasText: `Order ${placed.order.number} confirmed` });
  await expect(mail).toContainText(`Your pickup code: ${placed.pickupCode}`);
  await mail.getByText('HTML version').click();
  await expect(mail.frameLocator('iframe').getByRole('img', { name: `QR code for pickup code ${placed.pickupCode}` })).toBeVisible();
});

test('another device finds a guest order by number and e-mail, and a wrong e-mail learns nothing', async ({
  page,
  browser,
  axe,
  shop,
  shopper,
  projectIndex,
}) => {
  const email = newEmail('lookup');
  const placed = await placeGuestPickupOrder(page, shop, shopper, email, 2 + projectIndex);
  expect((await payDemo(page, placed.order.id)).status()).toBe(200);

  const other = await (await browser.newContext()).newPage();
  await other.goto(`/orders/${placed.order.id}`);
  await expect(other.getByRole('heading', { name: /find that page/ })).toBeVisible();

  await other.goto('/orders/lookup');
  expect(await axe(other)).toEqual([]);
  await other.getByLabel('Order number').fill(placed.order.number);
  await other.getByLabel('Email').fill('not-the-shopper@example.com');
  await other.getByRole('button', { name: 'Find my order' }).click();
  await expect(other.getByText('We could not find an order with that number and e-mail address')).toBeVisible();

  await other.getByLabel('Email').fill(email);
  await other.getByRole('button', { name: 'Find my order' }).click();
  await expect(other).toHaveURL(new RegExp(`/orders/${placed.order.id}$`));
  await expect(other.getByText(placed.order.number)).toBeVisible();
  // A lookup proves less than the placing device: the code is e-mailed, not shown.
  await expect(other.getByTestId('pickup-code')).toHaveCount(0);
  await other.getByRole('button', { name: 'Send me a new pickup code' }).click();
  await expect(other.getByText(`We e-mailed a new pickup code to ${email}`)).toBeVisible();
  await other.context().close();
});

test('a signed-in shopper sees their order history and a past order', async ({ page, axe, shopper }) => {
  await shopper.signIn(demo.shopper.email, { password: demo.shopper.password, then: '/account' });

  await page.getByRole('link', { name: /See your orders/ }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  const history = page.getByTestId('order-history');
  await expect(history.getByRole('link').first()).toBeVisible();
  expect(await history.getByRole('link').count()).toBeGreaterThanOrEqual(5);
  expect(await axe()).toEqual([]);

  // A finished order (other journeys may have just placed one for the demo shopper, listed first).
  const past = history
    .getByRole('link')
    .filter({ hasText: /Delivered|Collected/ })
    .first();
  const number = (await past.locator('span.font-semibold').first().textContent()) ?? '';
  await past.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${number}`);
  await expect(page.getByTestId('order-status')).toHaveText(/Delivered|Collected/);
  await expect(page.getByRole('heading', { name: 'Items' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  expect(await axe()).toEqual([]);
});
