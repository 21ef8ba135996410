import type { TestInfo } from '@playwright/test';
import { expect, newEmail, test, type Shop, type Shopper, type StockedVariant } from './fixtures';

// Checkout with demo payments (the embedded default: no Stripe keys). Phone and desktop run these against one
// database at the same time, so every test buys its own product (a slot per project and test) and every
// signed-in test uses a fresh account.
const SLOTS_PER_PROJECT = 5;

// The last variant of a product with a few on Riverside's shelf: other journeys' tests take the first ones.
async function productFor(
  shop: Shop,
  testInfo: TestInfo,
  projectIndex: number,
  slot: number,
): Promise<StockedVariant & { storeId: string }> {
  const candidates = await shop.stockedVariants({
    at: 'Riverside',
    minAvailable: 3,
    pageSize: 48,
    variant: 'last',
    count: testInfo.config.projects.length * SLOTS_PER_PROJECT,
  });
  const pick = candidates[projectIndex * SLOTS_PER_PROJECT + slot]!;
  return { ...pick, storeId: pick.storeId! };
}

// The bag and "my store" through the API with the page's own cookies, so the checkout page sees them.
async function prepareBag(shopper: Shopper, product: { variantId: string; storeId: string }) {
  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId);
}

test('a guest picks up in store and pays with the demo sheet: confirmation, and the store has one fewer', async ({
  page,
  shop,
  shopper,
  projectIndex,
  axe,
}, testInfo) => {
  const product = await productFor(shop, testInfo, projectIndex, 0);
  const before = await shop.available(product.variantId, product.storeId);
  await prepareBag(shopper, product);

  await page.goto('/checkout');
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  await expect(page.getByTestId('pickup-store')).toContainText(/Ready /);
  const emailField = page.getByLabel('Email');
  await expect(emailField).toHaveAttribute('type', 'email');
  await expect(emailField).toHaveAttribute('autocomplete', 'email');
  expect(await axe()).toEqual([]);

  // Without an e-mail the form says so next to the field and places nothing.
  await page.getByTestId('place-order').click();
  await expect(page.getByText('Enter an e-mail address such as name@example.com')).toBeVisible();
  await expect(emailField).toBeFocused();

  const number = await shopper.placePickupOrder(newEmail('pickup'));
  await expect(page.getByTestId('hold-countdown')).toContainText(/\d+:\d\d/);
  expect(await shop.available(product.variantId, product.storeId)).toBe(before - 1);
  await expect(page.getByTestId('demo-payment-sheet')).toContainText('No card is charged');
  await page.getByRole('button', { name: 'Succeed' }).click();

  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });
  await expect(page.getByText(number).first()).toBeVisible();
  expect(await shop.available(product.variantId, product.storeId)).toBe(before - 1);
  // The bag is emptied once the order is paid.
  await expect(page.getByTestId('header-cart-button')).toHaveAccessibleName('Bag, 0 items');
});

test('a signed-in shopper has the order delivered: e-mail filled in, address typed once', async ({
  page,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo, projectIndex, 1);
  const email = newEmail('deliver');
  await shopper.signUp(email, { name: 'Dee Livery' });
  await prepareBag(shopper, product);

  await page.goto('/checkout');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByText('Deliver', { exact: true }).click();
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByText('Enter the first line of the address')).toBeVisible();

  await page.getByLabel('Full name').fill('Dee Livery');
  await page.getByLabel('Address line 1').fill('10 Shad Thames');
  await page.getByLabel('Town or city').fill('London');
  const postcode = page.getByLabel('Postcode');
  await expect(postcode).toHaveAttribute('autocomplete', 'shipping postal-code');
  await postcode.fill('SE1 2YE');
  await expect(page.getByLabel('Phone for the courier (optional)')).toHaveAttribute('type', 'tel');
  await page.getByRole('button', { name: /^Place order/ }).click();

  const heading = page.getByRole('heading', { name: /^Pay for order / });
  await expect(heading).toBeVisible({ timeout: 15_000 });
  const number = (await heading.textContent())!.replace('Pay for order ', '').trim();
  await expect(page.getByText(', including delivery.')).toBeVisible();
  // The 3-D Secure stand-in: an extra step, then complete it.
  await page.getByRole('button', { name: 'Requires extra step' }).click();
  await page.getByRole('button', { name: 'Complete the check' }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });
  await expect(page.getByText(number).first()).toBeVisible();
});

test('a declined payment releases the hold and offers to try again', async ({ page, shop, shopper, projectIndex }, testInfo) => {
  const product = await productFor(shop, testInfo, projectIndex, 2);
  const before = await shop.available(product.variantId, product.storeId);
  await prepareBag(shopper, product);

  await shopper.placePickupOrder(newEmail('decline'));
  expect(await shop.available(product.variantId, product.storeId)).toBe(before - 1);
  await page.getByRole('button', { name: 'Decline' }).click();

  await expect(page.getByRole('heading', { name: 'Your payment was declined' })).toBeFocused();
  await expect(page.getByTestId('payment-declined')).toContainText('We released the items we were holding');
  expect(await shop.available(product.variantId, product.storeId)).toBe(before);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('place-order')).toBeVisible();
});

// The server's hold lasts HOLD_MINUTES (15); the browser's clock is moved on instead of waiting. That the server
// releases an expired hold and refuses payment for it is proven in tests/integration/checkout-api.test.ts.
test('when the hold runs out the page says the items went back and nothing was charged', async ({
  page,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo, projectIndex, 3);
  await prepareBag(shopper, product);
  await page.clock.install();

  await shopper.placePickupOrder(newEmail('expiry'));
  await expect(page.getByTestId('hold-countdown')).toContainText(/1[45]:\d\d/);
  await page.clock.fastForward('16:00');
  await expect(page.getByRole('heading', { name: 'Your hold has ended' })).toBeVisible();
  await expect(page.getByTestId('hold-expired')).toContainText('nothing was charged');
  await expect(page.getByRole('button', { name: 'Succeed' })).toBeHidden();
});

test('when the store has too few, the page names the line and offers another store or delivery, which places the order', async ({
  page,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  const product = await productFor(shop, testInfo, projectIndex, 4);
  const atStore = await shop.available(product.variantId, product.storeId);
  // One more than Riverside has: the bag allows it (another location has more), the store cannot hold it.
  await shopper.putInBag(product.variantId, atStore + 1);
  await shopper.chooseStore(product.storeId);

  await page.goto('/checkout');
  await page.getByLabel('Email').fill(newEmail('short'));
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  await page.getByTestId('place-order').click();
  const notice = page.getByTestId('short-lines');
  await expect(notice).toContainText(`you asked for ${atStore + 1}, only ${atStore} left`);
  await expect(notice.getByRole('button', { name: 'Try another store' })).toBeVisible();
  expect(await shop.available(product.variantId, product.storeId)).toBe(atStore);

  await notice.getByRole('button', { name: 'Deliver instead' }).click();
  await page.getByLabel('Full name').fill('Shor Tage');
  await page.getByLabel('Address line 1').fill('1 Bankside');
  await page.getByLabel('Town or city').fill('London');
  await page.getByLabel('Postcode').fill('SE1 9TG');
  await page.getByTestId('place-order').click();
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(', including delivery.')).toBeVisible();
  // Declining gives the held units back, so the other journeys' stock is as they found it.
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByTestId('payment-declined')).toBeVisible();
});

test.describe('before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the checkout page arrives showing the bag: the empty state for an empty bag, the form for a full one', async ({
    page,
    shop,
    shopper,
    projectIndex,
  }, testInfo) => {
    await page.goto('/checkout');
    await expect(page.getByText('Your bag is empty')).toBeVisible();

    await prepareBag(shopper, await productFor(shop, testInfo, projectIndex, 0));
    await page.goto('/checkout');
    await expect(page.getByRole('heading', { name: '1. Contact' })).toBeVisible();
    await expect(page.getByTestId('place-order')).toBeVisible();
    await expect(page.getByText('Loading your bag')).toHaveCount(0);
  });
});
