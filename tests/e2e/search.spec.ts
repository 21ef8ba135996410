import { expect, test } from './fixtures';

// Search reads colour and size words and common synonyms (issue 19, item 5), on a phone and on a desktop.

test('"navy jumper" shows the navy jumpers, each pictured in navy', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search products' }).first();
  await search.fill('navy jumper');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=navy\+jumper/);
  await expect(page.getByRole('heading', { name: 'Results for “navy jumper”' })).toBeVisible();

  const cards = page.locator('main .card');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    await expect(card.getByRole('heading')).toHaveText(/jumper/i);
    // The picture is the navy one (alt text "<name> in navy, …").
    await expect(card.getByRole('img').first()).toHaveAttribute('alt', /\bin navy\b/i);
  }
});

test('a synonym finds the same products: "sweater" as "jumper"', async ({ page }) => {
  await page.goto('/search?q=jumper');
  // The results stream in after the page's first bytes: wait for them before reading their names.
  await expect(page.locator('main .card h3').first()).toBeVisible();
  const jumpers = await page.locator('main .card h3').allTextContents();
  expect(jumpers.length).toBeGreaterThan(0);
  await page.goto('/search?q=sweater');
  await expect(page.locator('main .card h3')).toHaveText(jumpers);
});
