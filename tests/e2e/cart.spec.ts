import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The bag across sign-in, sign-out and devices. Each test makes its own shopper so runs on the
// phone and desktop projects never share a bag.
type Pick = { slug: string; color: string | null; size: string | null };

async function inStockVariants(request: APIRequestContext, count: number): Promise<Pick[]> {
  const list = (await (await request.get('/api/v1/products?pageSize=24')).json()) as { items: { slug: string; inStock: boolean }[] };
  const picks: Pick[] = [];
  for (const item of list.items.filter((i) => i.inStock)) {
    const detail = (await (await request.get(`/api/v1/products/${item.slug}`)).json()) as { variants: { color: string | null; size: string | null; inStock: boolean }[] };
    const variant = detail.variants.find((v) => v.inStock);
    if (variant) picks.push({ slug: item.slug, color: variant.color, size: variant.size });
    if (picks.length === count) return picks;
  }
  throw new Error('not enough products in stock');
}

async function addToBag(page: Page, pick: Pick, expectedCount: number) {
  await page.goto(`/p/${pick.slug}`);
  // The bag button names its count once the page is hydrated and the bag loaded.
  await expect(page.getByTestId('header-cart-button')).toHaveAccessibleName(/^Bag, \d+ items?$/);
  for (const option of [pick.color, pick.size]) {
    // The options are visually hidden radios inside labels; check them the way assistive tech does.
    if (option) await page.getByRole('radio', { name: option, exact: true }).check({ force: true });
  }
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  // The bag shows the change at once; wait until the server has it too before moving on.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/cart/lines') && r.request().method() === 'POST');
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('header-cart-count')).toHaveText(String(expectedCount));
  expect((await saved).status()).toBe(201);
}

const newEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const password = 'correct-horse-battery';

async function signUp(page: Page, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Test Shopper');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Hashing and checking a password with argon2 takes a moment on a busy machine.
  await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in?callbackUrl=/cart');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/cart$/, { timeout: 20_000 });
}

async function signOut(page: Page) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('a guest’s bag joins the account bag on sign-in, with a notice', async ({ page, request }) => {
  const email = newEmail('merge');
  await signUp(page, email);
  await signOut(page);
  const [first, second] = await inStockVariants(request, 2);
  await addToBag(page, first!, 1);
  await addToBag(page, second!, 2);

  await signIn(page, email);
  await expect(page.getByTestId('cart-notice')).toContainText('We added 2 items from this device to your bag');
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('header-cart-count')).toHaveText('2');

  await page.getByTestId('header-cart-button').click();
  const drawer = page.getByRole('dialog', { name: 'Your bag' });
  await expect(drawer.getByTestId('cart-line')).toHaveCount(2);
});

test('a change on one device shows on the other without a reload', async ({ browser, request }) => {
  const email = newEmail('live');
  const phone = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await signUp(phone, email);
  await signIn(laptop, email);
  await expect(laptop.getByTestId('cart-empty')).toBeVisible();

  const [pick] = await inStockVariants(request, 1);
  await addToBag(phone, pick!, 1);
  await expect(laptop.getByTestId('cart-line')).toHaveCount(1);
  await expect(laptop.getByTestId('header-cart-count')).toHaveText('1');

  await laptop.getByRole('button', { name: /^Increase Quantity of/ }).click();
  await expect(laptop.getByRole('group', { name: /^Quantity of/ }).locator('output')).toHaveText('2');
  await expect(phone.getByTestId('header-cart-count')).toHaveText('2');
  await phone.context().close();
  await laptop.context().close();
});

test('signing out leaves the account bag intact and shows an empty guest bag', async ({ page, request }) => {
  const email = newEmail('signout');
  await signUp(page, email);
  const [pick] = await inStockVariants(request, 1);
  await addToBag(page, pick!, 1);

  await signOut(page);
  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('header-cart-count')).toBeHidden();

  await signIn(page, email);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-notice')).toBeHidden();
});
