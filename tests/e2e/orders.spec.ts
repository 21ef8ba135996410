import type { APIRequestContext, Page } from '@playwright/test';
import { demo, expect, test } from './fixtures';

// After checkout: the confirmation page with its pickup code, payment confirmed while the page waits, cancelling,
// the guest lookup and the account's history. Orders are placed through the JSON API with the page's own cookies,
// so the browser holds the receipt exactly as after the checkout page.
type Order = { id: string; number: string };
type Placed = { order: Order; pickupCode: string; storeId: string; variantId: string };

// Each test and project takes its own variant (`slot`), so parallel runs never move each other's stock.
async function pickupPick(request: APIRequestContext, slot: number): Promise<{ variantId: string; storeId: string }> {
  const stores = (await (await request.get('/api/v1/stores')).json()) as { stores: { id: string; pickup: { enabled: boolean } }[] };
  const pickupStores = new Set(stores.stores.filter((s) => s.pickup.enabled).map((s) => s.id));
  const list = (await (await request.get('/api/v1/products?pageSize=24&inStock=1')).json()) as { items: { slug: string }[] };
  let skip = slot;
  // From the end of the list: other journeys take the first products.
  for (const item of list.items.reverse()) {
    const detail = (await (await request.get(`/api/v1/products/${item.slug}`)).json()) as { variants: { id: string; inStock: boolean }[] };
    for (const variant of detail.variants.filter((v) => v.inStock)) {
      const stock = (await (await request.get(`/api/v1/availability?variantIds=${variant.id}`)).json()) as { variants: { stores: { storeId: string; available: number }[] }[] };
      const store = stock.variants[0]?.stores.find((s) => pickupStores.has(s.storeId) && s.available >= 3);
      if (store && skip-- === 0) return { variantId: variant.id, storeId: store.storeId };
    }
  }
  throw new Error('no variant in stock at a pickup store');
}

async function available(request: APIRequestContext, variantId: string, storeId: string): Promise<number> {
  const body = (await (await request.get(`/api/v1/availability?variantIds=${variantId}&storeId=${storeId}`)).json()) as { variants: { stores: { available: number }[] }[] };
  return body.variants[0]?.stores[0]?.available ?? 0;
}

const newEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function placeGuestPickupOrder(page: Page, email: string, testSlot: number): Promise<Placed> {
  const slot = testSlot * 2 + (test.info().project.name === 'phone' ? 0 : 1);
  const { variantId, storeId } = await pickupPick(page.request, slot);
  expect((await page.request.post('/api/v1/cart/lines', { data: { variantId, quantity: 1 } })).status()).toBe(201);
  const res = await page.request.post('/api/v1/checkout', { data: { email, fulfilment: 'PICKUP', pickupLocationId: storeId, payment: 'online' } });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { order: Order; pickupCode: string };
  return { order: body.order, pickupCode: body.pickupCode, storeId, variantId };
}

const payDemo = (page: Page, orderId: string) => page.request.post('/api/v1/checkout/demo-payment', { data: { orderId, outcome: 'succeed' } });

test('a guest waits on the confirmation page while payment completes, then sees the pickup code and can cancel', async ({ page, axe }) => {
  const placed = await placeGuestPickupOrder(page, newEmail('confirm'), 0);
  await page.goto(`/orders/${placed.order.id}`);
  await expect(page.getByTestId('payment-pending')).toContainText('Confirming your payment');
  const before = await available(page.request, placed.variantId, placed.storeId);

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
  expect(await available(page.request, placed.variantId, placed.storeId)).toBe(before + 1);

  // The confirmation e-mail (demo outbox) carries the same code, and its HTML the QR code.
  await page.goto('/dev/mail');
  const mail = page.getByTestId('outbox-message').filter({ hasText: `Order ${placed.order.number} confirmed` });
  await expect(mail).toContainText(`Your pickup code: ${placed.pickupCode}`);
  await mail.getByText('HTML version').click();
  await expect(mail.frameLocator('iframe').getByRole('img', { name: `QR code for pickup code ${placed.pickupCode}` })).toBeVisible();
});

test('another device finds a guest order by number and e-mail, and a wrong e-mail learns nothing', async ({ page, browser, axe }) => {
  const email = newEmail('lookup');
  const placed = await placeGuestPickupOrder(page, email, 1);
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

test('a signed-in shopper sees their order history and a past order', async ({ page, axe }) => {
  await page.goto('/sign-in?callbackUrl=/account');
  await page.getByLabel('Email').fill(demo.shopper.email);
  await page.getByLabel('Password').fill(demo.shopper.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });

  await page.getByRole('link', { name: /See your orders/ }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  const history = page.getByTestId('order-history');
  await expect(history.getByRole('link').first()).toBeVisible();
  expect(await history.getByRole('link').count()).toBeGreaterThanOrEqual(5);
  expect(await axe()).toEqual([]);

  const first = history.getByRole('link').first();
  const number = (await first.locator('span.font-semibold').first().textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${number}`);
  await expect(page.getByTestId('order-status')).toHaveText(/Delivered|Collected/);
  await expect(page.getByRole('heading', { name: 'Items' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  expect(await axe()).toEqual([]);
});
