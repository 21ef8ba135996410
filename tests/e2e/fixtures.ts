import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  devices,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  type TestInfo,
} from '@playwright/test';
import pg from 'pg';
import { demoShop, stripeApi } from './servers';

// Every journey's shared steps, as fixtures: the catalog and stock looked up through the JSON API (`shop`),
// and what a shopper does in a browser (`shopper`). Specs keep only what is their own.

export const demo = {
  shopper: { email: 'shopper@example.com', password: 'shopper-demo-1' },
  admin: { email: 'admin@example.com', password: 'admin-demo-1' },
};

export const newEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
export const newPassword = 'correct-horse-battery';

export type StockedVariant = {
  slug: string;
  variantId: string;
  color: string | null;
  size: string | null;
  storeId: string | null;
  available: number;
};

// Which variants to take. Journeys running side by side on one database look in different places (from the
// start or the end of the list, the first or last variant of a product) so none moves another's stock.
type StockQuery = {
  count: number;
  // A store by name, any store that offers pickup, or none (in stock anywhere).
  at?: string | 'any pickup store';
  minAvailable?: number;
  pageSize?: number;
  // Ask the product list for products in stock somewhere (it changes which products a page holds).
  inStockOnly?: boolean;
  fromEnd?: boolean;
  variant?: 'first' | 'last' | 'each';
  skip?: number;
};

type Variant = { id: string; color: string | null; size: string | null; inStock: boolean };
type StockAnswer = { variants: { variantId: string; stores: { storeId: string; available: number }[] }[] };

export type Shop = {
  store: (name: string) => Promise<{ id: string; name: string }>;
  available: (variantId: string, storeId: string) => Promise<number>;
  stockedVariants: (query: StockQuery) => Promise<StockedVariant[]>;
};

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  // A read may meet a kept-alive connection the server is closing just then (ECONNRESET); it is safe to send again.
  const response = await request.get(path, { maxRetries: 2 });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

function shopFor(request: APIRequestContext): Shop {
  const store = async (name: string) => {
    const { stores } = await json<{ stores: { id: string; name: string }[] }>(request, '/api/v1/stores?near=SE1');
    const found = stores.find((s) => s.name === name);
    if (!found) throw new Error(`no store named ${name}`);
    return found;
  };
  const available = async (variantId: string, storeId: string) => {
    const body = await json<StockAnswer>(request, `/api/v1/availability?variantIds=${variantId}&storeId=${storeId}`);
    return body.variants[0]?.stores[0]?.available ?? 0;
  };
  const pickupStores = async () => {
    const { stores } = await json<{ stores: { id: string; pickup: { enabled: boolean } }[] }>(request, '/api/v1/stores');
    return new Set(stores.filter((s) => s.pickup.enabled).map((s) => s.id));
  };
  const stockedVariants = async ({
    count,
    at,
    minAvailable = 1,
    pageSize = 24,
    inStockOnly = false,
    fromEnd = false,
    variant = 'first',
    skip = 0,
  }: StockQuery) => {
    const storeId = at && at !== 'any pickup store' ? (await store(at)).id : null;
    const pickup = at === 'any pickup store' ? await pickupStores() : null;
    const { items } = await json<{ items: { slug: string; inStock: boolean }[] }>(
      request,
      `/api/v1/products?pageSize=${pageSize}${inStockOnly ? '&inStock=1' : ''}`,
    );
    const found: StockedVariant[] = [];
    let toSkip = skip;
    for (const item of fromEnd ? [...items].reverse() : items) {
      if (!at && !item.inStock) continue;
      const product = await json<{ variants: Variant[] }>(request, `/api/v1/products/${item.slug}`);
      const candidates: StockedVariant[] = [];
      if (!at) {
        for (const v of product.variants.filter((v) => v.inStock))
          candidates.push({ slug: item.slug, variantId: v.id, color: v.color, size: v.size, storeId: null, available: 1 });
      } else {
        const ids = product.variants.map((v) => v.id).join(',');
        const stock = await json<StockAnswer>(request, `/api/v1/availability?variantIds=${ids}${storeId ? `&storeId=${storeId}` : ''}`);
        for (const row of stock.variants) {
          const shelf = row.stores.find((s) => (storeId ? true : pickup!.has(s.storeId)) && s.available >= minAvailable);
          const v = product.variants.find((p) => p.id === row.variantId);
          if (shelf && v)
            candidates.push({
              slug: item.slug,
              variantId: v.id,
              color: v.color,
              size: v.size,
              storeId: shelf.storeId,
              available: shelf.available,
            });
        }
      }
      const taken = variant === 'each' ? candidates : variant === 'first' ? candidates.slice(0, 1) : candidates.slice(-1);
      for (const candidate of taken) {
        if (toSkip > 0) toSkip -= 1;
        else found.push(candidate);
        if (found.length === count) return found;
      }
    }
    throw new Error(`not enough variants in stock${at ? ` at ${at}` : ''}`);
  };
  return { store, available, stockedVariants };
}

export type Shopper = {
  signUp: (email: string, options?: { page?: Page; name?: string }) => Promise<void>;
  signIn: (email: string, options?: { page?: Page; password?: string; then?: string }) => Promise<void>;
  signOut: (page?: Page) => Promise<void>;
  // Through the product page, as a shopper does; waits until the server has the line.
  addToBag: (pick: Pick<StockedVariant, 'slug' | 'color' | 'size'>, expectedCount: number, page?: Page) => Promise<void>;
  // Through the API with the page's own cookies, so the bag and checkout pages see it.
  putInBag: (variantId: string, quantity?: number, page?: Page) => Promise<void>;
  chooseStore: (storeId: string, page?: Page) => Promise<void>;
  // Fills in the checkout page for pickup at the shopper's store and places the order; returns its number.
  placePickupOrder: (email: string, page?: Page) => Promise<string>;
};

function shopperFor(defaultPage: Page): Shopper {
  return {
    async signUp(email, { page = defaultPage, name = 'Test Shopper' } = {}) {
      await page.goto('/sign-up');
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(newPassword);
      await page.getByRole('button', { name: 'Create account' }).click();
      // Sign-up answers "check your e-mail" (it does not say whether the address had an account); the link in the
      // e-mail confirms it and signs in. Hashing a password with argon2 takes a moment on a busy machine.
      await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible({ timeout: 20_000 });
      await page.goto('/dev/mail');
      const mail = page.getByTestId('outbox-message').filter({ hasText: email }).filter({ hasText: 'Confirm your e-mail' }).first();
      await mail.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
      await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });
    },
    async signIn(email, { page = defaultPage, password = newPassword, then = '/cart' } = {}) {
      await page.goto(`/sign-in?callbackUrl=${then}`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // The sign-in page's own URL ends with its callbackUrl: wait for the page the sign-in lands on.
      await page.waitForURL((url) => url.pathname === then, { timeout: 20_000 });
    },
    async signOut(page = defaultPage) {
      await page.goto('/account');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/$/);
    },
    async addToBag(pick, expectedCount, page = defaultPage) {
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
    },
    async putInBag(variantId, quantity = 1, page = defaultPage) {
      const response = await page.request.post('/api/v1/cart/lines', { data: { variantId, quantity } });
      expect(response.status(), 'the bag should take the line').toBe(201);
    },
    async chooseStore(storeId, page = defaultPage) {
      expect((await page.request.put('/api/v1/stores/mine', { data: { storeId } })).status()).toBe(200);
    },
    async placePickupOrder(email, page = defaultPage) {
      await page.goto('/checkout');
      await page.getByLabel('Email').fill(email);
      await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
      await page.getByTestId('place-order').click();
      const heading = page.getByRole('heading', { name: /^Pay for order / });
      await expect(heading).toBeVisible({ timeout: 15_000 });
      return (await heading.textContent())!.replace('Pay for order ', '').trim();
    },
  };
}

// What the phone's wallet holds in the Stripe.js stand-in (tests/helpers/stripe-js-double.js has the defaults).
type WalletShopper = {
  wallet?: 'google_pay' | 'apple_pay';
  outcome?: 'succeed' | 'decline';
  name?: string;
  email?: string;
  address?: { line1: string; line2: string | null; city: string; state: string; postal_code: string; country: string };
};

// A PaymentIntent as the Stripe API stand-in keeps it, with the total the wallet showed when it was confirmed.
type StripeIntent = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  shown_amount?: number;
};

export type Wallet = {
  // Serves the Stripe.js stand-in, holding this shopper's wallet, in place of js.stripe.com, and sends the
  // browser's calls to api.stripe.com to the stand-in of Stripe's API (as Stripe.js would call Stripe).
  install: (shopper?: WalletShopper, context?: BrowserContext) => Promise<void>;
  intentsFor: (by: { orderId: string } | { email: string }) => Promise<StripeIntent[]>;
};

const stripeJsDouble = readFileSync(new URL('../helpers/stripe-js-double.js', import.meta.url), 'utf8');

function walletFor(defaultContext: BrowserContext, request: APIRequestContext): Wallet {
  return {
    async install(shopper = {}, context = defaultContext) {
      await context.unroute('https://js.stripe.com/**');
      await context.route('https://js.stripe.com/**', (route) =>
        route.fulfill({
          contentType: 'application/javascript',
          body: `window.__stripeDouble = ${JSON.stringify(shopper)};\n${stripeJsDouble}`,
        }),
      );
      await context.route('https://api.stripe.com/**', async (route) => {
        const url = new URL(route.request().url());
        await route.fulfill({ response: await route.fetch({ url: `${stripeApi.url}${url.pathname}${url.search}` }) });
      });
    },
    async intentsFor(by) {
      const body = await json<{ intents: StripeIntent[] }>(request, `${stripeApi.url}/test/payment_intents?${new URLSearchParams(by)}`);
      return body.intents;
    },
  };
}

type Fixtures = {
  // Runs axe-core on the current page and returns the serious and critical violations.
  axe: (page?: Page) => Promise<{ id: string; impact: string; help: string; nodes: string[] }[]>;
  shop: Shop;
  shopper: Shopper;
  wallet: Wallet;
  // This test's own index among the projects running the same test at once (phone 0, desktop 1, …).
  projectIndex: number;
};

export const test = base.extend<Fixtures>({
  axe: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  },
  shop: async ({ request }, use) => {
    await use(shopFor(request));
  },
  shopper: async ({ page }, use) => {
    await use(shopperFor(page));
  },
  wallet: async ({ context, request }, use) => {
    await use(walletFor(context, request));
  },
  projectIndex: async ({}, use, testInfo) => {
    await use(Math.max(0, testInfo.config.projects.map((p) => p.name).indexOf(testInfo.project.name)));
  },
});

export { expect };

// The store associates the seed makes (README, "Demo accounts"): staff.<store slug>@example.com.
const staffDemo = (storeSlug: string) => ({ email: `staff.${storeSlug}@example.com`, password: 'staff-demo-1' });

// An associate's phone: a browser context of its own (not the shopper's cookies), signed in and on /staff.
export async function openStaffPage(browser: Browser, testInfo: TestInfo, storeSlug: string): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const { email, password } = staffDemo(storeSlug);
  await page.goto('/sign-in?callbackUrl=/staff');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: /^Pickups at / })).toBeVisible();
  return page;
}

// Spendable points for a member a journey signed up: an ADJUST entry of welcome points, written as the ledger writes
// it (entry and balance in one transaction, so sum of entries = balance + pending still holds). Points earned in the
// journey stay pending for the 30-day return window, so one that spends points at once needs some to start with, as
// the seeded demo shopper has. Straight into the e2e shop's own embedded database: there is no API that gives points.
export async function grantPoints(email: string, points: number): Promise<void> {
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${demoShop.dbPort}/postgres` });
  await client.connect();
  const id = (prefix: string) => `${prefix}${Date.now().toString(36).padStart(9, '0')}${Math.random().toString(36).slice(2, 14)}`;
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "LoyaltyAccount" ("id", "userId", "updatedAt") SELECT $1, "id", now() FROM "User" WHERE "email" = $2
       ON CONFLICT ("userId") DO NOTHING`,
      [id('la'), email],
    );
    const added = await client.query(
      `WITH upd AS (
         UPDATE "LoyaltyAccount" a SET "balance" = a."balance" + $2::int, "updatedAt" = now()
         FROM "User" u WHERE a."userId" = u."id" AND u."email" = $1 RETURNING a."id"
       )
       INSERT INTO "LoyaltyEntry" ("id", "accountId", "kind", "points", "pendingPoints", "channel", "idempotencyKey", "expiresAt", "note", "createdAt")
       SELECT $3, upd."id", 'ADJUST', $2::int, 0, 'ONLINE', $4, now() + interval '12 months', 'Welcome points', now() FROM upd`,
      [email, points, id('le'), `e2e-welcome:${email}`],
    );
    if (added.rowCount !== 1) throw new Error(`no member ${email} to give points to`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
