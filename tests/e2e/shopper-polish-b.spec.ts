import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 19, items 4, 6, 7 and 14: what a shopper notices on a phone and a desktop (both projects run every test).

test('delivery refuses a postcode that is not a UK one, says why on the field, and writes a good one the standard way', async ({
  page,
  shop,
  shopper,
}) => {
  const [pick] = await shop.stockedVariants({ count: 1, fromEnd: true, pageSize: 24 });
  await shopper.putInBag(pick!.variantId);
  await page.goto('/checkout');
  await page.getByText('Deliver', { exact: true }).click();
  await page.getByLabel('Full name').fill('Dee Livery');
  await page.getByLabel('Address line 1').fill('10 Shad Thames');
  await page.getByLabel('Town or city').fill('London');
  const postcode = page.getByLabel('Postcode');

  // Leaving the field says so at once...
  await postcode.fill('XYZ');
  await postcode.blur();
  await expect(postcode).toHaveAccessibleDescription('Enter a UK postcode such as SW1A 2AA');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  // ...and the server refuses it too: no order is placed, the field has the focus and the message.
  await page.getByLabel('Email').fill('dee@example.com');
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(postcode).toBeFocused();
  await expect(postcode).toHaveAccessibleDescription('Enter a UK postcode such as SW1A 2AA');
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toHaveCount(0);

  // Lower case without the space is a postcode: written out the standard way, and the message goes.
  await postcode.fill('se12ye');
  await postcode.blur();
  await expect(postcode).toHaveValue('SE1 2YE');
  await expect(postcode).toHaveAccessibleDescription('');
  await expect(postcode).not.toHaveAttribute('aria-invalid', 'true');
});

type StoreJson = {
  id: string;
  name: string;
  timeZone: string;
  hours: { week: { day: number; open: string; close: string }[] };
  pickup: { enabled: boolean; cutoffMinutes: number; readyBy: { at: string; label: string } | null; label: string };
};

const minutesOf = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

test('pickup promises agree: the checkout option says what the store says, and no store promises a time in its last half hour', async ({
  page,
  request,
  shop,
  shopper,
}) => {
  const { stores } = (await (await request.get('/api/v1/stores')).json()) as { stores: StoreJson[] };
  for (const store of stores.filter((s) => s.pickup.readyBy)) {
    expect(store.pickup.cutoffMinutes, store.name).toBe(30);
    // The promised time, on the store's clock, ends before the day's last collection (closing less 30 minutes).
    const at = new Date(store.pickup.readyBy!.at);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: store.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
    const minutes = Number(parts.hour) * 60 + Number(parts.minute);
    const open = store.hours.week.filter((h) => h.day === day && minutesOf(h.open) <= minutes && minutes < minutesOf(h.close));
    expect(open.length, `${store.name} open at ${store.pickup.readyBy!.label}`).toBe(1);
    expect(minutes, `${store.name}: ${store.pickup.readyBy!.label}`).toBeLessThan(minutesOf(open[0]!.close) - 30);
  }

  const riverside = stores.find((s) => s.name === 'Riverside')!;
  const [pick] = await shop.stockedVariants({ count: 1, at: 'Riverside', fromEnd: true, pageSize: 24 });
  await shopper.putInBag(pick!.variantId);
  await shopper.chooseStore(riverside.id);
  await page.goto('/checkout');
  // The pickup choice promises what the chosen store promises (read from the same page, so a minute passing between
  // the API call and the page cannot matter), not "often ready today".
  const storeLabel = page.getByTestId('pickup-store').getByText(/^Ready /);
  await expect(storeLabel).toHaveText(/^Ready (today from|tomorrow at|\w+ at|\w+ \d+ \w+ at) \d\d:\d\d$/);
  const pickupOption = page.locator('label').filter({ has: page.getByRole('radio', { name: /Pick up in store/ }) });
  await expect(pickupOption).toContainText(`Free · ${await storeLabel.textContent()}`);
  await expect(page.getByText('often ready today')).toHaveCount(0);
});

test('filters say how many products each value gives; on a desktop a change applies at once, the phone keeps Apply', async ({ page }) => {
  await page.goto('/c/jackets');
  const wide = page.viewportSize()!.width >= 1024;
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const summary = filters.getByText('Filter and sort', { exact: false });
  const openFilters = async () => {
    if (!wide && !(await filters.getByRole('group', { name: 'Colour', exact: true }).isVisible())) await summary.click();
  };
  const apply = filters.getByRole('button', { name: 'Apply' });
  // Once the page is live on a wide screen, Apply goes: a change applies by itself.
  if (wide) await expect(apply).toBeHidden();
  const all = Number((await page.getByRole('heading', { name: /^\d+ products?$/ }).textContent())!.replace(/\D+/g, ''));

  // Each value's count is part of its name for screen readers too ("Navy 10 products"). Take a colour that narrows.
  await openFilters();
  const colourBoxes = filters.getByRole('group', { name: 'Colour', exact: true }).getByRole('checkbox');
  // A value and the count its label gives.
  const counted = async (box: Locator) => {
    const label = (await box.locator('xpath=..').textContent()) ?? '';
    return { value: (await box.getAttribute('value'))!, n: Number(/(\d+) products?$/.exec(label.trim())?.[1] ?? NaN) };
  };
  let colour = { value: '', n: 0 };
  for (const box of await colourBoxes.all()) {
    const c = await counted(box);
    if (c.n > 1 && c.n < all) {
      colour = c;
      break;
    }
  }
  expect(colour.n, 'a colour that some but not all jackets come in').toBeGreaterThan(1);
  await filters.getByRole('checkbox', { name: `${colour.value} ${colour.n} products` }).check();
  if (!wide) {
    // On the phone nothing happens until Apply.
    await expect(page).toHaveURL(/\/c\/jackets$/);
    await apply.click();
  }
  const colourQuery = new URLSearchParams({ color: colour.value }).toString().replace(/[+]/g, '\\+');
  await expect(page).toHaveURL(new RegExp(`/c/jackets\\?${colourQuery}$`));
  // The listing has as many products as the colour said.
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(colour.value, { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: `${colour.n} products`, exact: true })).toBeVisible();

  // Sizes now count within that colour; ticking one lists that many.
  await openFilters();
  if (wide) await expect(apply).toBeHidden();
  const sizeBox = filters.getByRole('group', { name: 'Size', exact: true }).getByRole('checkbox', { name: /^M \d+ products?$/ });
  const size = await counted(sizeBox);
  expect(size.n).toBeGreaterThan(0);
  expect(size.n).toBeLessThanOrEqual(colour.n);
  await sizeBox.check();
  if (!wide) await apply.click();
  await expect(page).toHaveURL(new RegExp(`/c/jackets\\?size=M&${colourQuery}$`));
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Size M', { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: new RegExp(`^${size.n} products?$`) })).toBeVisible();
});

type ShelfJson = { id: string; items: { productId: string; slug: string; name: string }[] };

test('"Recently viewed" shows on product pages (without the one on screen) and on the home page, newest first', async ({
  page,
  request,
}) => {
  const { items } = (await (await request.get('/api/v1/products?category=knitwear&pageSize=3')).json()) as {
    items: { slug: string; name: string }[];
  };
  const [first, second] = items;
  // A view is recorded once the page is live (its request answers 204).
  const view = async (slug: string) => {
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/v1/views') && r.status() === 204);
    await page.goto(`/p/${slug}`);
    await recorded;
  };
  await view(first!.slug);
  await view(second!.slug);
  const onProduct = page.getByRole('region', { name: 'Recently viewed' });
  await onProduct.scrollIntoViewIfNeeded();
  await expect(onProduct.getByRole('link', { name: first!.name }).first()).toBeVisible();
  await expect(onProduct.getByRole('link', { name: second!.name })).toHaveCount(0);

  await page.goto('/');
  const onHome = page.getByRole('region', { name: 'Recently viewed' });
  await onHome.scrollIntoViewIfNeeded();
  const names = onHome.getByRole('listitem').getByRole('link', { name: new RegExp(`^(${first!.name}|${second!.name})`) });
  await expect(names.first()).toBeVisible();
  expect((await onHome.getByRole('listitem').first().textContent())!).toContain(second!.name);
  await expect(onHome.getByRole('listitem').nth(1)).toContainText(first!.name);
});

test('"Goes well with" a jumper offers other kinds of things; more jumpers are on "Similar"', async ({ page, request }) => {
  const { items } = (await (await request.get('/api/v1/products?category=knitwear&pageSize=24')).json()) as {
    items: { slug: string }[];
  };
  const category = async (slug: string) =>
    ((await (await request.get(`/api/v1/products/${slug}`)).json()) as { category: { slug: string } }).category.slug;
  // A jumper that is bought with other things (as seeded, most are).
  let chosen: { slug: string; id: string; shelves: ShelfJson[] } | null = null;
  for (const { slug } of items) {
    const { id } = (await (await request.get(`/api/v1/products/${slug}`)).json()) as { id: string };
    const { shelves } = (await (await request.get(`/api/v1/recommendations?context=product&productId=${id}`)).json()) as {
      shelves: ShelfJson[];
    };
    if (shelves.find((s) => s.id === 'goes-well-with')?.items.length) {
      chosen = { slug, id, shelves };
      break;
    }
  }
  expect(chosen, 'a jumper with "Goes well with" suggestions').not.toBeNull();
  const goesWell = chosen!.shelves.find((s) => s.id === 'goes-well-with')!.items;
  for (const item of goesWell) expect(await category(item.slug), item.name).not.toBe('knitwear');
  const similar = chosen!.shelves.find((s) => s.id === 'similar')?.items ?? [];
  expect(similar.length).toBeGreaterThan(0);
  expect(await category(similar[0]!.slug)).toBe('knitwear');

  // And the page shows them so.
  await page.goto(`/p/${chosen!.slug}`);
  const shelf = page.getByRole('region', { name: 'Goes well with' });
  await shelf.scrollIntoViewIfNeeded();
  await expect(shelf.getByRole('link', { name: goesWell[0]!.name }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Similar' }).getByRole('link', { name: similar[0]!.name }).first()).toBeVisible();
});

test('"For you" does not offer the jacket the shopper has just bought', async ({ page, request, shop, shopper }, testInfo) => {
  const riverside = await shop.store('Riverside');
  const { items } = (await (await request.get('/api/v1/products?category=jackets&pageSize=24')).json()) as {
    items: { slug: string; name: string }[];
  };
  // A jacket in stock at Riverside, from the end of the list (other journeys buy from its start), one per project.
  let bought: { name: string; variantId: string } | null = null;
  let skip = testInfo.config.projects.map((p) => p.name).indexOf(testInfo.project.name);
  for (const item of [...items].reverse()) {
    const product = (await (await request.get(`/api/v1/products/${item.slug}`)).json()) as { variants: { id: string }[] };
    const variant = product.variants.at(-1)!;
    if ((await shop.available(variant.id, riverside.id)) < 2) continue;
    if (skip-- > 0) continue;
    bought = { name: item.name, variantId: variant.id };
    break;
  }
  expect(bought, 'a jacket in stock at Riverside').not.toBeNull();
  const email = `bought-${Date.now()}-${testInfo.project.name}@example.com`;
  await shopper.signUp(email);
  await shopper.putInBag(bought!.variantId);
  await shopper.chooseStore(riverside.id);
  await shopper.placePickupOrder(email);
  await page.getByRole('button', { name: 'Succeed' }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });

  await page.goto('/');
  const forYou = page.getByRole('region', { name: 'For you' });
  await forYou.scrollIntoViewIfNeeded();
  // The shelf is filled (with what goes with the jacket, then best sellers); the jacket itself is not on it.
  await expect(forYou.getByRole('listitem').first()).toBeVisible();
  await expect(forYou.getByRole('link', { name: bought!.name })).toHaveCount(0);
});
