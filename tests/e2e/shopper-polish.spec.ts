import type { Locator, Page } from '@playwright/test';
import { expect, newEmail, test, type Shop } from './fixtures';

// Issue 19: the places where a new shopper, on a phone or a desktop, would lose trust.

function picker(page: Page) {
  return page.getByRole('dialog', { name: 'Choose a store for pickup' });
}

async function storeNames(dialog: Locator) {
  return dialog.getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents();
}

// A product page URL with a variant preselected that the store has on its shelf.
async function productInStockAt(shop: Shop, storeName: string, skip = 0) {
  const [variant] = await shop.stockedVariants({ count: 1, at: storeName, minAvailable: 4, skip });
  const params = new URLSearchParams();
  if (variant!.color) params.set('color', variant!.color);
  if (variant!.size) params.set('size', variant!.size);
  return { ...variant!, url: `/p/${variant!.slug}?${params}` };
}

test('checkout: searching stores by postcode in "Change store" finds them and keeps what was typed', async ({ page, shop, shopper }) => {
  const [line] = await shop.stockedVariants({ count: 1, at: 'Riverside', minAvailable: 4, fromEnd: true, skip: 2 });
  await shopper.putInBag(line!.variantId);
  await shopper.chooseStore(line!.storeId!);
  await page.goto('/checkout');
  const email = newEmail('polish-checkout');
  await page.getByLabel('Email').fill(email);
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');

  await page.getByRole('button', { name: 'Change store', exact: true }).click();
  const dialog = picker(page);
  const field = dialog.getByRole('textbox', { name: 'Postcode or town' });
  // Enter in the postcode field searches (it used to submit the checkout form behind the picker).
  await field.fill('NW1 7BT');
  await field.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(/stores near NW1 .*nearest first/);
  expect((await storeNames(dialog))[0]).toBe('Camden');
  // And so does the Search button.
  await field.fill('SE1 7PB');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/stores near SE1 .*nearest first/);
  expect((await storeNames(dialog))[0]).toBe('Riverside');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
});

test('keyboard: after a store is chosen, focus returns to the control that opened the picker', async ({ page, shop }) => {
  const product = await productInStockAt(shop, 'Riverside', 1);
  await page.goto(product.url);
  const opener = page.getByRole('region', { name: 'Pick up in store' }).getByRole('button', { name: 'Choose a store' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = picker(page);
  await expect(dialog).toBeVisible();
  const choose = dialog.getByRole('button', { name: 'Choose Riverside' });
  await choose.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Once the stock at the new store has loaded, the focus is still on the pickup box's button.
  const pickup = page.getByRole('region', { name: /^Pick up \w+ at Riverside: / });
  await expect(pickup).toBeVisible();
  await expect(pickup.getByRole('button', { name: 'Change store' })).toBeFocused();

  // The same from the header's store button.
  const header = page.getByRole('button', { name: /My store: Riverside/ });
  await header.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Choose Camden' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /My store: Camden/ })).toBeFocused();
});

test('a sign-in link lands on the page the shopper came from, and on /account from the home page', async ({ page, shop, shopper }) => {
  // Sign-up, sign-out and two e-mailed-link sign-ins: near 60 s on a busy machine on its own.
  test.slow();
  const email = newEmail('polish-link');
  await shopper.signUp(email);
  await shopper.signOut();
  const [variant] = await shop.stockedVariants({ count: 1, skip: 5 });

  async function signInByLink(from: string) {
    await page.goto(from);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link', exact: true }).click();
    await expect(page.getByText(`we sent a sign-in link to ${email}`)).toBeVisible({ timeout: 20_000 });
    await page.goto('/dev/mail');
    const mail = page.getByTestId('outbox-message').filter({ hasText: email }).filter({ hasText: 'Your sign-in link' }).first();
    await mail.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
  }

  await signInByLink(`/p/${variant!.slug}`);
  await expect(page).toHaveURL(new RegExp(`/p/${variant!.slug}$`), { timeout: 20_000 });
  await expect(page.getByTestId('header-account-link')).toHaveAccessibleName('Account');

  await shopper.signOut();
  await signInByLink('/');
  await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });
});

test.describe('phone header at 360 px', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('the search placeholder and the store button read whole', async ({ page, shopper, shop }) => {
    for (const path of ['/', '/c/jackets']) {
      await page.goto(path);
      const store = page.getByRole('button', { name: 'Choose a store' });
      await expect(store).toContainText('Choose a store');
      const storeClipped = await store.evaluate((button) =>
        [...button.querySelectorAll('span')].some((span) => span.scrollWidth > span.clientWidth + 0.5),
      );
      expect(storeClipped, `store button on ${path}`).toBe(false);
      const search = page.getByRole('searchbox', { name: 'Search products' });
      const room = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const text = context.measureText(input.placeholder).width;
        const inside = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text, inside, placeholder: input.placeholder };
      });
      expect(room.placeholder).toBe('Search products');
      expect(room.text, `search placeholder on ${path}`).toBeLessThanOrEqual(room.inside);
    }
    // With a store chosen, its longest name reads whole too.
    await shopper.chooseStore((await shop.store('Covent Garden')).id);
    await page.goto('/');
    const store = page.getByRole('button', { name: /My store: Covent Garden/ });
    await expect(store).toContainText('Covent Garden');
    expect(await store.evaluate((b) => [...b.querySelectorAll('span')].some((s) => s.scrollWidth > s.clientWidth + 0.5))).toBe(false);
  });
});

test('add to bag confirms with the new count, View bag and Checkout, clear of the header', async ({ page, shop, shopper }) => {
  const [variant] = await shop.stockedVariants({ count: 1, skip: 7 });
  await shopper.addToBag(variant!, 1);
  const notice = page.getByTestId('cart-notice');
  await expect(notice).toContainText('Added to your bag. Your bag has 1 item.');
  const header = (await page.locator('header').first().boundingBox())!;
  const box = (await notice.boundingBox())!;
  expect(box.y, 'the confirmation sits below the header').toBeGreaterThanOrEqual(header.y + header.height);
  // The header's bag button is still what a tap there reaches.
  const bag = page.getByTestId('header-cart-button');
  const bagBox = (await bag.boundingBox())!;
  const reached = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="header-cart-button"]') !== null,
    [bagBox.x + bagBox.width / 2, bagBox.y + bagBox.height / 2],
  );
  expect(reached).toBe(true);
  await expect(notice.getByRole('link', { name: 'Checkout' })).toHaveAttribute('href', '/checkout');
  await notice.getByRole('link', { name: 'View bag' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

test('recommendation shelves show whole cards with prices and reasons, and arrows for a mouse', async ({ page, request }) => {
  const { items } = (await (await request.get('/api/v1/products?pageSize=12&sort=newest')).json()) as { items: { slug: string }[] };
  let slug: string | null = null;
  for (const item of items) {
    const product = (await (await request.get(`/api/v1/products/${item.slug}`)).json()) as { id: string };
    const recs = (await (await request.get(`/api/v1/recommendations?context=product&productId=${product.id}`)).json()) as {
      shelves: { items: unknown[] }[];
    };
    if ((recs.shelves[0]?.items.length ?? 0) >= 6) {
      slug = item.slug;
      break;
    }
  }
  expect(slug, 'a product with a full first shelf').not.toBeNull();
  await page.goto(`/p/${slug}`);
  const shelf = page.locator('section[aria-labelledby="recs-product-0"]');
  await shelf.scrollIntoViewIfNeeded();
  const row = shelf.getByRole('list');
  await expect(row.getByRole('listitem').first()).toBeVisible();
  expect(await row.evaluate((ul) => getComputedStyle(ul).scrollSnapType)).toMatch(/x mandatory/);

  const layout = await shelf.evaluate((section) => {
    const ul = section.querySelector('ul')!;
    const visible = section.getBoundingClientRect();
    const cards = [...ul.querySelectorAll('li')].map((li) => {
      const box = li.getBoundingClientRect();
      const price = li.querySelector('.price')!.getBoundingClientRect();
      const reason = li.querySelector('p.text-xs')!;
      return {
        left: box.left,
        priceBottom: price.bottom,
        priceHeight: price.height,
        reasonBottom: reason.getBoundingClientRect().bottom,
        reasonCut: reason.scrollHeight > reason.clientHeight + 1 || reason.scrollWidth > reason.clientWidth + 1,
      };
    });
    return { left: visible.left, bottom: Math.min(visible.bottom, ul.getBoundingClientRect().bottom), cards };
  });
  // The first card starts inside the shelf (its left edge was cut off), and every card shows its price and its
  // reason whole, inside the row.
  expect(layout.cards[0]!.left).toBeGreaterThanOrEqual(layout.left - 0.5);
  for (const card of layout.cards) {
    expect(card.priceHeight).toBeGreaterThan(0);
    expect(card.priceBottom).toBeLessThanOrEqual(layout.bottom + 0.5);
    expect(card.reasonBottom).toBeLessThanOrEqual(layout.bottom + 0.5);
    expect(card.reasonCut).toBe(false);
  }

  const title = (await shelf.getByRole('heading', { level: 2 }).textContent())!;
  const next = shelf.getByRole('button', { name: `Next: ${title}` });
  const finePointer = await page.evaluate(() => matchMedia('(pointer: fine)').matches);
  if (!finePointer) {
    // Touch scrolls the row itself.
    await expect(next).toBeHidden();
    return;
  }
  await expect(shelf.getByRole('button', { name: `Previous: ${title}` })).toBeHidden();
  await next.click();
  await expect.poll(() => row.evaluate((ul) => ul.scrollLeft)).toBeGreaterThan(100);
  await expect(shelf.getByRole('button', { name: `Previous: ${title}` })).toBeVisible();
});

type ProductJson = {
  id: string;
  name: string;
  colors: { name: string; hex: string | null }[];
  variants: { id: string; color: string | null; size: string | null; inStock: boolean }[];
};

const hexIn = (url: string | null) => /\/media\/product\/[a-z-]+\/([0-9a-f]{6})\//.exec(url ?? '')?.[1] ?? null;

test('pictures follow the colour: product page, swatches on a card, a colour-filtered listing and the bag', async ({
  page,
  request,
  shopper,
}) => {
  // A product in three or more colours, with a variant in stock in its third colour (the seed drew only two).
  const { items } = (await (await request.get('/api/v1/products?pageSize=48&inStock=1')).json()) as { items: { slug: string }[] };
  let product: (ProductJson & { slug: string }) | null = null;
  for (const { slug } of items.slice(10)) {
    const body = (await (await request.get(`/api/v1/products/${slug}`)).json()) as ProductJson;
    if (body.colors.length >= 3 && body.variants.some((v) => v.color === body.colors[2]!.name && v.inStock)) {
      product = { ...body, slug };
      break;
    }
  }
  expect(product, 'a product in three colours').not.toBeNull();
  const [first, , third] = product!.colors;
  const thirdHex = third!.hex!.replace('#', '').toLowerCase();

  // Preselected by the URL, then picked: the gallery's pictures are in that colour.
  await page.goto(`/p/${product!.slug}?color=${encodeURIComponent(third!.name)}`);
  const gallery = page.getByTestId('product-gallery');
  await expect(gallery.getByRole('img').first()).toHaveAttribute('src', new RegExp(`/${thirdHex}/`));
  await expect(gallery.getByRole('img').first()).toHaveAccessibleName(new RegExp(`in ${third!.name.toLowerCase()}`));
  await page.getByRole('radio', { name: first!.name, exact: true }).check({ force: true });
  await expect(gallery.getByRole('img').first()).toHaveAccessibleName(new RegExp(`in ${first!.name.toLowerCase()}`));

  // The bag line of the third colour shows that colour.
  const variant = product!.variants.find((v) => v.color === third!.name && v.inStock)!;
  await shopper.putInBag(variant.id);
  await page.goto('/cart');
  const line = page.locator(`[data-testid="cart-line"][data-variant-id="${variant.id}"]`);
  expect(hexIn(await line.getByRole('img').getAttribute('src'))).toBe(thirdHex);

  // A listing filtered by a colour shows every card in it; a swatch on a card switches its picture.
  await page.goto('/c/knitwear?color=Navy');
  const cards = page.locator('main li').filter({ has: page.locator('.card') });
  await expect(cards.first()).toBeVisible();
  const navy = await cards.evaluateAll((lis) => lis.map((li) => li.querySelector('img')!.getAttribute('alt')));
  expect(navy.length).toBeGreaterThan(0);
  for (const alt of navy) expect(alt).toMatch(/ in navy,/);
  const card = cards.filter({ has: page.getByRole('button', { name: /^Show in / }) }).nth(1);
  const swatch = card.getByRole('button', { name: /^Show in / }).last();
  const colour = (await swatch.getAttribute('aria-label'))!.replace('Show in ', '');
  await swatch.click();
  await expect(swatch).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('img')).toHaveAccessibleName(new RegExp(` in ${colour.toLowerCase()},`));
  await expect(card.getByRole('link')).toHaveAttribute(
    'href',
    new RegExp(`color=${encodeURIComponent(colour).replace(/%20/g, '(%20|\\+)')}`),
  );
});

test('the category is called Homeware; a sold-out product says so and takes an e-mail for when it is back', async ({ page, request }) => {
  await page.goto('/c/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homeware');

  const items: { slug: string; inStock: boolean }[] = [];
  for (const page of [1, 2]) {
    const body = (await (await request.get(`/api/v1/products?pageSize=48&page=${page}`)).json()) as { items: typeof items };
    items.push(...body.items);
  }
  const soldOut = items.find((i) => !i.inStock);
  expect(soldOut, 'a sold-out product in the seed').toBeDefined();
  const product = (await (await request.get(`/api/v1/products/${soldOut!.slug}`)).json()) as ProductJson;
  await page.goto(`/p/${soldOut!.slug}`);
  await expect(page.getByRole('status').filter({ hasText: /^Sold out$/ })).toBeVisible();
  await expect(page.getByTestId('add-to-cart')).toHaveCount(0);
  const form = page.getByTestId('back-in-stock');
  const submit = form.getByRole('button', { name: 'E-mail me when it’s back' });
  await expect(submit).toBeVisible();
  for (const option of [product.variants[0]!.color, product.variants[0]!.size]) {
    if (option && (await page.getByRole('radio', { name: new RegExp(`^${option}`) }).count()) > 0)
      await page
        .getByRole('radio', { name: new RegExp(`^${option}`) })
        .first()
        .check({ force: true });
  }
  await form.getByLabel('Your e-mail').fill('not an address');
  await submit.click();
  await expect(form.getByRole('status')).toHaveText('Enter a valid e-mail address.');
  const email = newEmail('polish-back');
  await form.getByLabel('Your e-mail').fill(email);
  await submit.click();
  await expect(form.getByRole('status')).toHaveText(`Thanks: we will e-mail ${email} when it is back.`);

  // The API checks what it is given, whatever the page sends.
  const bad = await request.post('/api/v1/back-in-stock', { data: { email: 'x', variantId: product.variants[0]!.id } });
  expect(bad.status()).toBe(400);
});

test('with a store chosen, listing cards say "Pick up … at" it, and the filter chip names it', async ({ page, shop, shopper }) => {
  const riverside = await shop.store('Riverside');
  await shopper.chooseStore(riverside.id);
  await page.goto('/c/jackets');
  const notes = page.getByTestId('card-pickup');
  await expect(notes.first()).toHaveText(/^Pick up (today|tomorrow) at Riverside$/);
  // Only cards the store has: each such card's product is on its shelf.
  const slug = (await page.locator('li', { has: notes.first() }).getByRole('link').first().getAttribute('href'))!.replace(
    /^\/p\/([^?]+).*$/,
    '$1',
  );
  const answer = await page.request.get(`/api/v1/stores/${riverside.id}/products?slugs=${slug}`);
  const onShelf = ((await answer.json()) as { inStock: string[] }).inStock;
  expect(onShelf).toEqual([slug]);

  await page.goto(`/c/jackets?availableAt=${riverside.id}`);
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: /At Riverside/ })).toBeVisible();
});
