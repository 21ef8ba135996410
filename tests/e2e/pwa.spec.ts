import type { Page } from '@playwright/test';
import { demo, expect, newEmail, openStaffPage, test } from './fixtures';

// The installable shop: manifest, icons and service worker served from the shop itself, and an order's pickup
// code, the member card and the staff queue still readable with the network off once they have been opened.

test('the manifest names PNG icons of 192 and 512 px and a maskable one; pages link an apple-touch-icon; /sw.js is served', async ({
  page,
  request,
}) => {
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
  const png = manifest.icons.filter((i) => i.type === 'image/png');
  expect(png.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of png) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await page.goto('/about');
  const apple = page.locator('link[rel="apple-touch-icon"]');
  await expect(apple).toHaveAttribute('sizes', '180x180');
  expect((await request.get((await apple.getAttribute('href'))!)).status()).toBe(200);

  const sw = await request.get('/sw.js');
  expect(sw.status()).toBe(200);
  expect(sw.headers()['content-type']).toContain('javascript');
  // Built from app/serwist/sw.ts, with the offline page in its precache list.
  expect(await sw.text()).toContain('"/offline"');
});

async function controlled(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

test('an order opened once shows its pickup code offline, with when it was last updated; another page shows the offline page', async ({
  page,
  context,
  shop,
  shopper,
  projectIndex,
}) => {
  // The first visit installs the service worker; from then on it sees the pages this browser opens.
  await page.goto('/about');
  await controlled(page);

  const [pick] = await shop.stockedVariants({
    count: 1,
    at: 'any pickup store',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: 6 + projectIndex,
  });
  await shopper.putInBag(pick!.variantId);
  const placed = await page.request.post('/api/v1/checkout', {
    data: { email: newEmail('offline'), fulfilment: 'PICKUP', pickupLocationId: pick!.storeId, payment: 'online' },
  });
  expect(placed.status()).toBe(201);
  const { order, pickupCode } = (await placed.json()) as { order: { id: string }; pickupCode: string };
  expect((await page.request.post('/api/v1/checkout/demo-payment', { data: { orderId: order.id, outcome: 'succeed' } })).status()).toBe(
    200,
  );

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('pickup-code')).toHaveText(pickupCode);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('pickup-code')).toHaveText(pickupCode);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText('last updated');
  await expect(page.getByRole('img', { name: 'QR code of your pickup code' })).toBeVisible();

  // A page never opened on this device: the shop's offline page, not the browser's error.
  await page.goto('/search?q=offline-never-seen');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
});

test('the member card opened once is readable offline, with when it was last updated', async ({ page, context, shopper }) => {
  await page.goto('/about');
  await controlled(page);
  // signIn's URL check also matches the sign-in page's own ?callbackUrl=…, so wait for the page itself.
  await shopper.signIn(demo.shopper.email, { password: demo.shopper.password, then: '/account/rewards' });
  await expect(page.getByRole('heading', { name: 'Northwind Rewards', level: 1 })).toBeVisible({ timeout: 20_000 });
  const token = await page.getByTestId('member-token').textContent();
  expect(token).toBeTruthy();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('img', { name: 'QR code of your member card' })).toBeVisible();
  await expect(page.getByTestId('member-token')).toHaveText(token!);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText('last updated');
  await context.setOffline(false);
});

test('the staff queue opened once shows its last known state offline with when it was last updated, and takes no action until back online', async ({
  browser,
  page,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  // At least one order to pick at Riverside (shoppers' journeys order there; no journey counts its queue).
  const riverside = await shop.store('Riverside');
  const [pick] = await shop.stockedVariants({
    count: 1,
    at: 'Riverside',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: 10 + projectIndex,
  });
  await shopper.putInBag(pick!.variantId);
  const placed = await page.request.post('/api/v1/checkout', {
    data: { email: newEmail('staff-offline'), fulfilment: 'PICKUP', pickupLocationId: riverside.id, payment: 'pay_at_pickup' },
  });
  expect(placed.status()).toBe(201);

  const staff = await openStaffPage(browser, testInfo, 'riverside');
  await controlled(staff);
  // Opened again now that the service worker sees it: kept as last loaded.
  await staff.reload();
  const first = staff.getByTestId('pickup-card').first();
  await expect(first).toBeVisible();
  const number = await first.getAttribute('data-order-number');
  const card = staff.locator(`[data-testid="pickup-card"][data-order-number="${number}"]`);
  await expect(card.getByRole('checkbox').first()).toBeEnabled();

  await staff.context().setOffline(true);
  await staff.reload();
  await expect(card).toBeVisible();
  await expect(staff.getByRole('status').filter({ hasText: 'You are offline' })).toContainText('last updated');
  const alert = staff.getByRole('alert').filter({ hasText: 'You are offline.' });
  await expect(alert).toContainText('(last updated)');
  await expect(alert).toContainText('nothing is saved to send later');
  // Nothing can be ticked, marked or handed over while offline: the card's boxes and buttons are off.
  await expect(card.getByRole('checkbox').first()).toBeDisabled();
  await expect(card.getByRole('button', { name: /^Can't find/ }).first()).toBeDisabled();

  await staff.context().setOffline(false);
  await expect(alert).toBeHidden();
  await expect(card.getByRole('checkbox').first()).toBeEnabled();
  await staff.context().close();
});
