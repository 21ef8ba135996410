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
