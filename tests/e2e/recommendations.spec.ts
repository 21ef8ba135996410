import { expect, test } from './fixtures';

type Shelf = { id: string; title: string; items: { name: string; reason: string }[] };

// The shelves load after the page, once they come near the screen, and show what the API recommends, each item
// with the reason it is there.
test('a product page fills "Goes well with" as it scrolls near, each item saying why', async ({ page, request }) => {
  const { items } = (await (await request.get('/api/v1/products?pageSize=12')).json()) as { items: { slug: string }[] };
  let chosen: { slug: string; first: Shelf['items'][number] } | null = null;
  for (const { slug } of items) {
    const product = (await (await request.get(`/api/v1/products/${slug}`)).json()) as { id: string };
    const recs = (await (await request.get(`/api/v1/recommendations?context=product&productId=${product.id}`)).json()) as {
      shelves: Shelf[];
    };
    const first = recs.shelves.find((s) => s.id === 'goes-well-with')?.items[0];
    if (first) {
      chosen = { slug, first };
      break;
    }
  }
  expect(chosen, 'a seeded product that is bought with others').not.toBeNull();
  await page.goto(`/p/${chosen!.slug}`);
  const shelf = page.getByRole('region', { name: 'Goes well with' });
  await shelf.scrollIntoViewIfNeeded();
  await expect(shelf.getByRole('link', { name: chosen!.first.name }).first()).toBeVisible();
  await expect(shelf.getByText(chosen!.first.reason).first()).toBeVisible();
});

test('a new visitor sees what is trending on the home page', async ({ page }) => {
  await page.goto('/');
  // Until it loads the shelf keeps its place under the title it expects ("For you"), then names what it shows.
  await page.getByRole('region', { name: 'For you' }).scrollIntoViewIfNeeded();
  const shelf = page.getByRole('region', { name: 'Trending' });
  await expect(shelf.getByRole('listitem').first()).toBeVisible();
  await expect(shelf.getByText('Trending').nth(1)).toBeVisible();
});
