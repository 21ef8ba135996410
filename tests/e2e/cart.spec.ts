import { expect, newEmail, test } from './fixtures';

// The bag across sign-in, sign-out and devices. Each test makes its own shopper so runs on the
// phone and desktop projects never share a bag.

test('a guest’s bag joins the account bag on sign-in, with a notice', async ({ page, shop, shopper }) => {
  const email = newEmail('merge');
  await shopper.signUp(email);
  await shopper.signOut();
  const [first, second] = await shop.stockedVariants({ count: 2 });
  await shopper.addToBag(first!, 1);
  await shopper.addToBag(second!, 2);

  await shopper.signIn(email);
  await expect(page.getByTestId('cart-notice')).toContainText('We added 2 items from this device to your bag');
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('header-cart-count')).toHaveText('2');

  await page.getByTestId('header-cart-button').click();
  const drawer = page.getByRole('dialog', { name: 'Your bag' });
  await expect(drawer.getByTestId('cart-line')).toHaveCount(2);
});

test('a change on one device shows on the other without a reload', async ({ browser, shop, shopper }) => {
  const email = newEmail('live');
  const phone = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await shopper.signUp(email, { page: phone });
  await shopper.signIn(email, { page: laptop });
  await expect(laptop.getByTestId('cart-empty')).toBeVisible();

  const [pick] = await shop.stockedVariants({ count: 1 });
  await shopper.addToBag(pick!, 1, phone);
  await expect(laptop.getByTestId('cart-line')).toHaveCount(1);
  await expect(laptop.getByTestId('header-cart-count')).toHaveText('1');

  await laptop.getByRole('button', { name: /^Increase Quantity of/ }).click();
  await expect(laptop.getByRole('group', { name: /^Quantity of/ }).locator('output')).toHaveText('2');
  await expect(phone.getByTestId('header-cart-count')).toHaveText('2');
  await phone.context().close();
  await laptop.context().close();
});

test('signing out leaves the account bag intact and shows an empty guest bag', async ({ page, shop, shopper }) => {
  const email = newEmail('signout');
  await shopper.signUp(email);
  const [pick] = await shop.stockedVariants({ count: 1 });
  await shopper.addToBag(pick!, 1);

  await shopper.signOut();
  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('header-cart-count')).toBeHidden();

  await shopper.signIn(email);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-notice')).toBeHidden();
});
