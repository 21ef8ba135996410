import { expect, newEmail, openStaffPage, test } from './fixtures';

// Messages (issue 18): preferences on the account page, consent boxes at checkout, and the "ready" e-mail and SMS
// from the job queue's worker in the development outbox. Orders here take Camden's stock from the end of its list,
// past what the staff pickup journey takes.
test('communication preferences: a switch saved on the account page is still on after a reload', async ({ page, shopper }) => {
  await shopper.signUp(newEmail('prefs'));
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Communication preferences' })).toBeVisible();
  const saved = page.getByRole('region', { name: 'Communication preferences' }).getByRole('status');
  const orders = page.getByRole('switch', { name: 'Order and pickup updates by e-mail' });
  await expect(orders).toBeChecked();
  await expect(orders).toBeDisabled();

  const offers = page.getByRole('switch', { name: 'Offers and news by e-mail' });
  await expect(offers).not.toBeChecked();
  await offers.check();
  await expect(saved).toContainText('offers and news on');

  // A text-message topic needs a valid mobile number.
  await page.getByLabel('Mobile number').fill('12345');
  await page.getByRole('switch', { name: 'Order and pickup updates by text message' }).click();
  await expect(saved).toContainText('Enter a valid mobile number');
  await page.getByLabel('Mobile number').fill('07911 123456');
  await page.getByRole('switch', { name: 'Order and pickup updates by text message' }).check();
  await expect(saved).toContainText('order and pickup updates on');

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Offers and news by e-mail' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Order and pickup updates by text message' })).toBeChecked();
  await expect(page.getByLabel('Mobile number')).toHaveValue('+447911123456');
});

test('checkout: a bad mobile number for SMS updates is named and nothing is placed', async ({ page, shop, shopper, projectIndex }) => {
  const riverside = await shop.store('Riverside');
  const [product] = await shop.stockedVariants({
    count: 1,
    at: 'Riverside',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: 12 + projectIndex,
  });
  const before = await shop.available(product!.variantId, riverside.id);
  await shopper.putInBag(product!.variantId);
  await shopper.chooseStore(riverside.id);

  await page.goto('/checkout');
  await page.getByLabel('Email').fill(newEmail('sms-checkout'));
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  const sms = page.getByRole('checkbox', { name: 'Text me when my order is ready to collect' });
  await expect(sms).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'E-mail me offers and news' })).not.toBeChecked();
  await sms.check();
  await page.getByLabel('Mobile number').fill('0123');
  await page.getByTestId('place-order').click();
  await expect(page.getByText('Enter a valid mobile number for text updates')).toBeVisible();
  await expect(page.getByLabel('Mobile number')).toBeFocused();
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toHaveCount(0);
  expect(await shop.available(product!.variantId, riverside.id)).toBe(before);
});

test('opted in to SMS at checkout: the associate marks the order ready, and the SMS and the e-mail with the code are in the outbox', async ({
  page,
  browser,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  const camden = await shop.store('Camden');
  const [product] = await shop.stockedVariants({
    count: 1,
    at: 'Camden',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: 10 + projectIndex,
  });
  await shopper.putInBag(product!.variantId);
  const email = newEmail('sms-ready');
  const phone = `+4479111${String(20000 + projectIndex * 1000 + (Date.now() % 1000)).padStart(5, '0')}`;
  const placed = await page.request.post('/api/v1/checkout', {
    data: { email, fulfilment: 'PICKUP', pickupLocationId: camden.id, payment: 'pay_at_pickup', consent: { smsUpdates: true, phone } },
  });
  expect(placed.status()).toBe(201);
  const { order, pickupCode } = (await placed.json()) as { order: { id: string; number: string }; pickupCode: string };

  // The confirmation e-mail arrives from the worker.
  await page.goto('/dev/mail');
  await expect(page.getByTestId('outbox-message').filter({ hasText: `Order ${order.number} confirmed` })).toContainText(pickupCode, {
    timeout: 15_000,
  });

  const staff = await openStaffPage(browser, testInfo, 'camden');
  const detail = (await (await staff.request.get(`/api/v1/staff/orders/${order.id}`)).json()) as { order: { lines: { id: string }[] } };
  const picked = await staff.request.post(`/api/v1/staff/orders/${order.id}/pick`, {
    data: { lines: detail.order.lines.map((l) => ({ lineId: l.id, status: 'picked' })) },
  });
  expect(picked.status()).toBe(200);
  expect((await staff.request.post(`/api/v1/staff/orders/${order.id}/ready`)).status()).toBe(200);

  // The outbox re-reads itself: both messages land without a reload.
  const text = page.locator('[data-testid="outbox-message"][data-channel="sms"]').filter({ hasText: phone });
  await expect(text).toContainText(`order ${order.number} is ready at Camden`, { timeout: 15_000 });
  await expect(text).toContainText(pickupCode);
  await expect(page.getByTestId('outbox-message').filter({ hasText: `Order ${order.number} is ready to collect at Camden` })).toContainText(
    pickupCode,
  );
  await staff.context().close();
});

test('a bag reminder’s unsubscribe link turns bag reminders off on the preferences page', async ({ page, shop, shopper }) => {
  const email = newEmail('bag-unsubscribe');
  await shopper.signUp(email);
  const reminders = page.getByRole('switch', { name: 'Reminders about items left in your bag by e-mail' });
  await expect(reminders).not.toBeChecked();
  await reminders.check();
  await expect(page.getByRole('region', { name: 'Communication preferences' }).getByRole('status')).toContainText('on');

  // A bag left behind: the development outbox starts due reminders at once rather than after the idle hour.
  const [product] = await shop.stockedVariants({ count: 1, inStockOnly: true, variant: 'first' });
  await shopper.putInBag(product!.variantId);
  const started = await page.request.post('/dev/mail/bag-reminders');
  expect(started.status()).toBe(200);

  await page.goto('/dev/mail');
  const mail = page.getByTestId('outbox-message').filter({ hasText: email }).filter({ hasText: 'You left something in your bag' });
  await expect(mail).toHaveCount(1, { timeout: 15_000 });
  await expect(mail).toContainText('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  // Its "open your bag" link lands on the bag (recording the opening on the way).
  await mail.getByRole('link', { name: /\/cart\/reminder\// }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('heading', { name: 'Your bag', level: 1 })).toBeVisible();
  await page.goto('/dev/mail');
  await mail.getByRole('link', { name: /\/unsubscribe\?token=/ }).click();

  await expect(page.getByRole('heading', { name: 'Unsubscribe from bag reminders?' })).toBeVisible();
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  await page.getByRole('link', { name: 'Communication preferences in your account' }).click();
  await expect(page.getByRole('switch', { name: 'Reminders about items left in your bag by e-mail' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Order and pickup updates by e-mail' })).toBeChecked();
});
