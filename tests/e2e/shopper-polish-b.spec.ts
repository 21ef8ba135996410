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
  const summary = page.getByText('Filter and sort', { exact: false }).first();
  if (!wide) await summary.click();
  const sizes = page.getByRole('group', { name: 'Size' });
  const medium = sizes.locator('label').filter({ has: page.getByRole('checkbox', { name: /^M \d+ products?$/ }) });
  // The count is part of the value's name for screen readers too ("M 7 products").
  const name = await medium.getByRole('checkbox').getAttribute('value');
  expect(name).toBe('M');
  const shown = Number((await medium.textContent())!.replace(/^M/, '').replace(/\D+/g, ''));
  expect(shown).toBeGreaterThan(0);
  const apply = page.getByRole('button', { name: 'Apply' });

  if (wide) {
    // Once the page is live, Apply goes: ticking a size is enough.
    await expect(apply).toBeHidden();
    await medium.click();
  } else {
    await medium.click();
    // On the phone nothing happens until Apply.
    await expect(page).toHaveURL(/\/c\/jackets$/);
    await apply.click();
  }
  await expect(page).toHaveURL(/\/c\/jackets\?size=M$/);
  // The listing has as many products as the size said.
  await expect(page.getByRole('heading', { name: new RegExp(`^${shown} products?`) })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Size M');

  // Colours now count within size M: each colour's number is what ticking it would list.
  if (!wide && !(await sizes.isVisible())) await summary.click();
  const colours = page.getByRole('group', { name: 'Colour' });
  const colour = colours.locator('label').filter({ hasText: /[1-9]/ }).first();
  const colourName = (await colour.getByRole('checkbox').getAttribute('value'))!;
  const colourCount = Number((await colour.textContent())!.replace(colourName, '').replace(/\D+/g, ''));
  await colour.click();
  if (!wide) await apply.click();
  await expect(page).toHaveURL(new RegExp(`size=M&color=${encodeURIComponent(colourName).replace(/%20/g, '\\+')}$`));
  await expect(page.getByRole('heading', { name: new RegExp(`^${colourCount} products?`) })).toBeVisible();
});
