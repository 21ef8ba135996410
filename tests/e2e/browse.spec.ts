import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Browsing the catalog: home → category → filters → product → variant; search; missing pages; the API's 400.

async function openFilters(page: Page) {
  const summary = page.getByText('Filter and sort', { exact: false }).first();
  // On phones the filters sit behind a disclosure; on wide screens they are always open.
  if (await summary.isVisible()) await summary.click();
}

async function cardPrices(page: Page) {
  const texts = await page.locator('.card .price b').allTextContents();
  return texts.map((t) => Number(t.replace(/[^\d.]/g, '')));
}

test('home → category → filter → product → pick a variant', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kit for the weekend');
  await page.getByRole('main').getByRole('link', { name: 'Jackets', exact: true }).click();
  await expect(page).toHaveURL(/\/c\/jackets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jackets' })).toBeVisible();

  await openFilters(page);
  // On a wide screen each change applies at once (Apply goes once the page is live); the phone's sheet keeps Apply.
  const wide = page.viewportSize()!.width >= 1024;
  if (wide) await expect(page.getByRole('button', { name: 'Apply' })).toBeHidden();
  await page.getByRole('group', { name: 'Size' }).getByText('M', { exact: true }).click();
  if (wide) {
    await expect(page).toHaveURL(/\/c\/jackets\?size=M$/);
    // The filtered listing has loaded and is live again.
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Size M');
    await expect(page.getByRole('button', { name: 'Apply' })).toBeHidden();
  }
  await page.getByLabel('Sort by').selectOption('price-asc');
  if (!wide) await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/c\/jackets\?size=M&sort=price-asc$/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Size M');
  const prices = await cardPrices(page);
  expect(prices.length).toBeGreaterThan(1);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  const first = page.locator('.card-title a').first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Jackets');

  const colours = page.getByRole('group', { name: /^Colour/ });
  const lastColour = colours.locator('label').last();
  const colourName = (await lastColour.locator('input').getAttribute('value'))!;
  await lastColour.click();
  const sizes = page.getByRole('group', { name: /^Size/ });
  await sizes
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: /^M\b/ }) })
    .click();
  await expect(page).toHaveURL(new RegExp(`[?&]color=${encodeURIComponent(colourName).replace(/%20/g, '\\+')}`));
  await expect(page).toHaveURL(/[?&]size=M/);
  await expect(page.getByRole('status').filter({ hasText: /In stock|Sold out/ })).toBeVisible();
  await expect(page.locator('main .price b').first()).toHaveText(/£\d+\.\d\d/);

  // The cached page reads the variant from the URL in the browser, so a reload keeps the choice.
  await page.reload();
  await expect(lastColour.locator('input')).toBeChecked();
  await expect(sizes.getByRole('radio', { name: /^M\b/ })).toBeChecked();
});

test('search corrects a typo and shows an empty state when nothing matches', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search products' }).first().fill('wol jumpr');
  await page.getByRole('searchbox', { name: 'Search products' }).first().press('Enter');
  await expect(page).toHaveURL(/\/search\?q=wol\+jumpr/);
  await expect(page.getByText('Showing results for')).toContainText('wool jumper');
  await expect(page.locator('.card').first()).toBeVisible();

  await page.goto('/search?q=xylophone+zeppelin');
  await expect(page.getByRole('heading', { name: /No products match/ })).toBeVisible();
  await expect(page.locator('.card')).toHaveCount(0);
});

test("every filter option shows its name and count whole, in the phone's sheet and the wide sidebar", async ({ page }) => {
  await page.goto('/c/jackets');
  await openFilters(page);
  const options = page.getByRole('group', { name: 'Colour' }).locator('label');
  await expect(options.first()).toBeVisible();
  // A label wider than its box has its count cut off or drawn under the next column's checkbox.
  const overrun = await options.evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
  expect(overrun).toEqual([]);
});

test('a missing product or category is a real 404 with the not-found page', async ({ page }) => {
  for (const path of ['/p/does-not-exist', '/c/does-not-exist', '/c/does-not-exist?size=M']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
  }
});

test('the product API answers a bad query string with 400 and the error shape', async ({ request }) => {
  const response = await request.get('/api/v1/products?sort=bogus&pageSize=1000');
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe('bad_request');
  expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['sort', 'pageSize']));
});

test('a cached catalog page arrives gzipped when the client takes it (next start), the same page each time', async ({ request }) => {
  const plain = await request.get('/c/jackets', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  const html = await plain.text();
  expect(html).toContain('<h1');
  for (const accepts of ['gzip, deflate, br, zstd', 'gzip']) {
    const res = await request.get('/c/jackets', { headers: { 'accept-encoding': accepts } });
    expect(res.headers()['content-encoding']).toBe('gzip');
    expect(res.headers()['vary']).toMatch(/\bAccept-Encoding\b/);
    expect(await res.text()).toBe(html);
  }
});

test('API answers are gzipped by Next when the client takes gzip, and never marked no-transform', async ({ request }) => {
  const gzip = { 'accept-encoding': 'gzip' };
  const small = await request.get('/api/v1/products?pageSize=1', { headers: gzip });
  expect(small.headers()['content-encoding']).toBe('gzip');
  expect(small.headers()['cache-control'] ?? '').not.toContain('no-transform');
  expect((await small.json()).items).toHaveLength(1);
  const large = await request.get('/api/v1/openapi.json', { headers: gzip });
  expect(large.headers()['content-encoding']).toBe('gzip');
  expect((await large.json()).openapi).toMatch(/^3\.1/);
});

for (const path of ['/', '/c/jackets', '/c/jackets?size=M&inStock=1', '/p/first', '/search?q=jumper', '/search?q=zzzz', '/p/missing']) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page, axe, request }) => {
    test.setTimeout(60_000); // axe-core takes its time on a busy machine
    let target = path;
    if (path === '/p/first') target = `/p/${(await (await request.get('/api/v1/products?pageSize=1')).json()).items[0].slug}`;
    await page.goto(target);
    expect(await axe()).toEqual([]);
  });
}

test('the pickup box on a product page stays readable while it looks up the shopper’s store', async ({ page, axe, request }) => {
  const slug = (await (await request.get('/api/v1/products?pageSize=1')).json()).items[0].slug;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/stores/mine', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole('heading', { name: 'Checking stock at your store…' })).toBeVisible();
  expect(await axe()).toEqual([]);
  release();
  await expect(page.getByRole('heading', { name: 'Pick up in store' })).toBeVisible();
});
