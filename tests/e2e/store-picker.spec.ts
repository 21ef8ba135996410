import type { Locator, Page } from '@playwright/test';
import { expect, test, type Shop } from './fixtures';

// Gabriel's Wharf on the South Bank, a few steps from the Riverside store.
const southBank = { latitude: 51.5074, longitude: -0.111 };

// A product page URL with a variant preselected that the Riverside store has on its shelf.
async function productInStockAt(shop: Shop, storeName: string) {
  const [variant] = await shop.stockedVariants({ count: 1, at: storeName, minAvailable: 4 });
  const params = new URLSearchParams();
  if (variant!.color) params.set('color', variant!.color);
  if (variant!.size) params.set('size', variant!.size);
  return { url: `/p/${variant!.slug}?${params}`, available: variant!.available };
}

function picker(page: Page) {
  return page.getByRole('dialog', { name: 'Choose a store for pickup' });
}

async function storeNames(dialog: Locator) {
  return dialog.getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents();
}

test.describe('store picker', () => {
  test.use({ permissions: ['geolocation'], geolocation: southBank });

  test('finds the nearest stores with stock by location and remembers the one picked', async ({ page, shop }) => {
    const product = await productInStockAt(shop, 'Riverside');
    await page.goto(product.url);

    const pickup = page.getByRole('region', { name: 'Pick up in store' });
    await pickup.getByRole('button', { name: 'Choose a store' }).click();
    const dialog = picker(page);
    await expect(dialog).toBeVisible();

    // A sheet along the bottom of a phone, a panel down the right of a desktop.
    const viewport = page.viewportSize()!;
    const box = (await dialog.boundingBox())!;
    if (viewport.width < 768) expect(Math.round(box.y + box.height)).toBe(viewport.height);
    else expect(Math.round(box.x + box.width)).toBe(viewport.width);

    await dialog.getByRole('button', { name: 'Use my location' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/stores near your location, nearest first/);
    const names = await storeNames(dialog);
    expect(names[0]).toBe('Riverside');
    const miles = (await dialog.getByRole('listitem').getByText(/ mi$/).allTextContents()).map((t) =>
      Number.parseFloat(t.replace('< ', '')),
    );
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    expect(miles).toHaveLength(names.length);

    const riverside = dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Riverside' }) });
    await expect(riverside).toContainText(/Ready (today from|tomorrow at|\w+ at) \d\d:\d\d/);
    await expect(riverside).toContainText('In stock');
    for (const item of await dialog.getByRole('listitem').all()) {
      await expect(item).toContainText(/In stock|Only \d left|Out of stock/);
    }
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Greenwich' }).getByRole('button', { name: 'Pickup unavailable' }),
    ).toBeDisabled();

    await riverside.getByRole('button', { name: 'Choose Riverside' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: /My store: Riverside/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /at Riverside/ })).toHaveAccessibleName(
      new RegExp(`^Pick up (today|tomorrow|\\w+) at Riverside: ${product.available} in stock$`),
    );

    await page.goto('/');
    await expect(page.getByRole('button', { name: /My store: Riverside/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: /My store: Riverside/ })).toBeVisible();
  });
});

test('finds stores from a typed postcode, explains an unknown place, and is keyboard operable', async ({ page }) => {
  await page.goto('/');
  const header = page.getByRole('button', { name: 'Choose a store' });
  await header.click();
  const dialog = picker(page);
  const field = dialog.getByRole('textbox', { name: 'Postcode or town' });

  await field.fill('Atlantis');
  await field.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(/We couldn't find that place/);

  await field.fill('nw1 7bt');
  await field.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(/stores near NW1 .*nearest first/);
  expect((await storeNames(dialog))[0]).toBe('Camden');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(header).toBeFocused();

  await header.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Choose Camden' }).click();
  await expect(page.getByRole('button', { name: /My store: Camden/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: /My store: Camden/ })).toBeVisible();
});

test('from the bag, the picker tells for each store how much of the bag it has', async ({ page, shop, shopper }) => {
  // Two variants on Riverside's shelf, put in the bag through the API with the page's own cookies.
  const picked = await shop.stockedVariants({ count: 2, at: 'Riverside', minAvailable: 4, pageSize: 8 });
  for (const { variantId } of picked) await shopper.putInBag(variantId);

  await page.goto('/cart');
  await page.getByRole('button', { name: 'Check stock at a store' }).click();
  const dialog = picker(page);
  const field = dialog.getByRole('textbox', { name: 'Postcode or town' });
  await field.fill('SE1');
  await field.press('Enter');
  const riverside = dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Riverside', level: 3 }) });
  await expect(riverside).toContainText('All 2 items available');
});
