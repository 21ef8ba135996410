import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

// The page cache must not grow with made-up URLs (issue 15, items 6 and 7): filter values a category does not offer
// are dropped by a redirect to the canonical URL before anything is rendered or stored. Checked on the build's own
// files: Next writes each page it caches at run time under <distDir>/server.

// A category no other spec filters, so the files it gains are this spec's.
const CATEGORY = 'trousers';
const serverDir = join(process.env.NEXT_DIST_DIR || '.next', 'server');

function cachedListingFiles(dir = serverDir): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes(`c/${CATEGORY}/`));
}

// Next writes a page to its cache after answering; give it the time to, so a write would be seen.
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

async function categoryColours(request: APIRequestContext): Promise<string[]> {
  const body = await (await request.get(`/api/v1/products?category=${CATEGORY}&pageSize=48`)).json();
  return [...new Set<string>(body.items.flatMap((p: { colors: { name: string }[] }) => p.colors.map((c) => c.name)))];
}

test.describe.configure({ mode: 'serial' });

test('50 made-up colours each answer a redirect to the plain listing and add no cached page', async ({ request }) => {
  const before = new Set(cachedListingFiles());
  const stamp = Date.now().toString(36);
  for (let i = 0; i < 50; i++) {
    const response = await request.get(`/c/${CATEGORY}?color=zz-${stamp}-${i}`, { maxRedirects: 0 });
    expect(response.status(), `color=zz-${stamp}-${i}`).toBe(307);
    expect(new URL(response.headers().location!, 'http://x').pathname + new URL(response.headers().location!, 'http://x').search).toBe(
      `/c/${CATEGORY}`,
    );
  }
  await settle();
  expect(cachedListingFiles().filter((file) => !before.has(file))).toEqual([]);
});

test('a NUL byte or other junk in a filter redirects to the canonical URL instead of failing', async ({ request }) => {
  for (const query of ['color=%00', 'size=%00', 'color=%00&sort=newest', 'availableAt=nowhere&minPrice=999999', 'page=999&utm_source=x']) {
    const response = await request.get(`/c/${CATEGORY}?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(307);
    const location = new URL(response.headers().location!, 'http://x');
    expect(location.pathname + location.search, query).toBe(
      query.includes('sort=newest') ? `/c/${CATEGORY}?sort=newest` : `/c/${CATEGORY}`,
    );
  }
  const followed = await request.get(`/c/${CATEGORY}?color=%00`);
  expect(followed.status()).toBe(200);
  expect(followed.url()).toMatch(new RegExp(`/c/${CATEGORY}$`));
  // Search drops a query with control characters (the shared text schema) and shows its empty state.
  const search = await request.get('/search?q=%00');
  expect(search.status()).toBe(200);
  expect(await search.text()).toContain('What are you looking for?');
});

test('known values are kept, spelled as the shop spells them, and a made-up one beside them is dropped', async ({ page, request }) => {
  const [colour] = await categoryColours(request);
  const canonical = new URLSearchParams({ color: colour! }).toString();
  const response = await request.get(`/c/${CATEGORY}?color=${encodeURIComponent(colour!.toUpperCase())}&color=zz-made-up`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(new RegExp(`/c/${CATEGORY}\\?${canonical.replace(/[+]/g, '\\+')}$`));

  await page.goto(`/c/${CATEGORY}?color=${encodeURIComponent(colour!)}&color=zz-made-up`);
  await expect(page).toHaveURL(new RegExp(`/c/${CATEGORY}\\?${canonical.replace(/[+]/g, '\\+')}$`));
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(colour!);
  await expect(page.locator('.card').first()).toBeVisible();
});

test('two filter values render per request (not cached); the internal listing paths are not reachable', async ({ request }) => {
  const colours = await categoryColours(request);
  expect(colours.length).toBeGreaterThan(1);
  const before = new Set(cachedListingFiles());
  const query = new URLSearchParams(
    [
      ['color', colours[0]!],
      ['color', colours[1]!],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
  );
  const response = await request.get(`/c/${CATEGORY}?${query}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('aria-label="Active filters"');

  for (const path of [
    `/c/${CATEGORY}/${btoa('color=zz-1').replace(/=+$/, '')}`,
    `/c/${CATEGORY}/filtered?color=zz-1`,
    `/c/${CATEGORY}/all`,
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  await settle();
  expect(cachedListingFiles().filter((file) => !before.has(file))).toEqual([]);
});

test('removing a filter by its chip moves between listings in the browser', async ({ page, request }) => {
  const [colour] = await categoryColours(request);
  await page.goto(`/c/${CATEGORY}?${new URLSearchParams({ color: colour!, inStock: '1' })}`);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips).toContainText('In stock');
  // Rendered per request → a cached single-value listing → the plain listing, each by a client-side navigation.
  await chips.getByRole('link', { name: /In stock/ }).click();
  await expect(page).toHaveURL(
    new RegExp(`/c/${CATEGORY}\\?${new URLSearchParams({ color: colour! }).toString().replace(/[+]/g, '\\+')}$`),
  );
  await expect(chips).not.toContainText('In stock');
  await expect(chips).toContainText(colour!);
  await chips.getByRole('link', { name: new RegExp(colour!) }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${CATEGORY}$`));
  await expect(chips).toHaveCount(0);
  await expect(page.locator('.card').first()).toBeVisible();
});

// On a busy server a chip can be followed before its listing's prefetch has come back. The router must then ask the
// server (whose proxy decides which listing a query string gets), not render the plain listing it has already seen
// for the same path under the filtered URL. Held here until the click, so the race is the same on every run.
test('a filter chip followed before its prefetch has arrived still lands on the filtered listing', async ({ page, request }) => {
  const [colour] = await categoryColours(request);
  const single = new URLSearchParams({ color: colour! });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `/c/${CATEGORY}` && url.searchParams.get('color') === colour && !url.searchParams.has('inStock'),
    async (route) => {
      if (route.request().headers()['next-router-prefetch']) await held;
      await route.continue();
    },
  );
  // The plain listing (linked from the category bar) is prefetched first, as it is on the filtered page.
  const plainPrefetched = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === `/c/${CATEGORY}` &&
      !new URL(response.url()).searchParams.has('color') &&
      response.request().headers()['next-router-prefetch'] !== undefined,
  );
  await page.goto(`/c/${CATEGORY}?${new URLSearchParams({ color: colour!, inStock: '1' })}`);
  await plainPrefetched;
  const chips = page.getByRole('list', { name: 'Active filters' });
  await chips.getByRole('link', { name: /In stock/ }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${CATEGORY}\\?${single.toString().replace(/[+]/g, '\\+')}$`));
  await expect(chips).toContainText(colour!);
  await expect(chips).not.toContainText('In stock');
  release();
});
