import { expect, openStaffPage, test } from './fixtures';

// The store's half of click and collect, on two phones: a shopper's and the Camden associate's. Other journeys
// shop at Riverside; this one takes Camden's stock (from the end of the list) so it moves nobody else's.
test('an associate sees a new order appear, picks one line and offers a substitute for another, the shopper accepts, then ready, check-in and handover', async ({
  page,
  browser,
  shop,
  shopper,
  axe,
  projectIndex,
}, testInfo) => {
  // Two browser contexts and a question to the shopper between picking and ready: a long journey.
  test.slow();
  const camden = await shop.store('Camden');
  // Two lines; the second is "not found" and swapped for another variant of its product in stock at Camden.
  const [pick, missing] = await shop.stockedVariants({
    count: 2,
    at: 'Camden',
    minAvailable: 3,
    inStockOnly: true,
    fromEnd: true,
    variant: 'each',
    skip: 3 + 2 * projectIndex,
  });

  const staff = await openStaffPage(browser, testInfo, 'camden');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Pickups at Camden');
  expect(await axe(staff)).toEqual([]);

  // The shopper reserves for pickup at Camden, to pay at the counter (with the page's cookies, as the checkout page does).
  await shopper.putInBag(pick!.variantId);
  await shopper.putInBag(missing!.variantId);
  const email = `collect-${Date.now()}-${projectIndex}@example.com`;
  const placed = await page.request.post('/api/v1/checkout', {
    data: { email, fulfilment: 'PICKUP', pickupLocationId: camden.id, payment: 'pay_at_pickup' },
  });
  expect(placed.status()).toBe(201);
  const { order, pickupCode } = (await placed.json()) as { order: { id: string; number: string; totalMinor: number }; pickupCode: string };

  // It appears on the associate's open queue without a reload.
  const card = staff.locator(`[data-testid="pickup-card"][data-order-number="${order.number}"]`);
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(staff.getByTestId('new-orders')).toHaveText(/^\d+ new$/);
  await expect(card).toContainText(/Take £\d+\.\d\d at the counter/);
  await expect(card).toContainText(`SKU`);

  // The shopper behind the order, opened from the card.
  await card.getByRole('button', { name: 'Shopper details' }).click();
  await expect(card.getByTestId('customer-panel')).toContainText(order.number);
  await expect(card.getByTestId('customer-panel')).toContainText('Guest checkout');
  // Their consent per topic and channel: order e-mails always go, nothing else was agreed at this checkout.
  const consent = card.getByTestId('customer-messaging');
  await expect(consent.getByRole('row', { name: /^Order and pickup updates/ })).toContainText('Always on');
  await expect(consent.getByRole('row', { name: /^Offers and news/ })).toContainText('Off');

  // Pick the first line; the second can't be found, so the associate offers the first substitute the store has.
  const boxes = await card.getByRole('checkbox', { name: /^Picked/ }).all();
  expect(boxes).toHaveLength(2);
  await boxes[0]!.check();
  await expect(boxes[0]!).toBeChecked();
  await card
    .getByRole('button', { name: /^Can't find/ })
    .nth(1)
    .click();
  const chooser = staff.getByRole('dialog', { name: /^Can't find / });
  // The store's options load, the first (the same product in another size or colour) chosen. Each project takes
  // its own, as both may be offered the same product's variants.
  await expect(chooser.getByTestId('substitute-option').first().getByRole('radio')).toBeChecked();
  const option = chooser.getByTestId('substitute-option').nth(projectIndex);
  await option.getByRole('radio').check();
  // The product's name, as the option's label starts ("Name · Colour · Size").
  const offered = (await option.innerText()).split('\n')[0]!.split(' · ')[0]!;
  expect(await axe(staff)).toEqual([]);
  await chooser.getByRole('button', { name: 'Ask the shopper' }).click();
  await expect(chooser).toBeHidden();
  await expect(card.getByTestId('substitution-note')).toContainText(`Waiting for the shopper: offered ${offered}`);
  // Not ready while the shopper has not answered.
  await expect(card.getByRole('button', { name: 'Mark ready' })).toBeDisabled();

  // The shopper is e-mailed, and accepts on their order page.
  await page.goto('/dev/mail');
  await expect(page.getByTestId('outbox-message').filter({ hasText: `Order ${order.number}: we can't find an item` })).toContainText(
    `We can give you ${offered}`,
  );
  await page.goto(`/orders/${order.id}`);
  const question = page.getByTestId('substitution');
  await expect(question).toContainText(`We can give you ${offered}`);
  expect(await axe(page)).toEqual([]);
  await question.getByRole('button', { name: /^Accept the substitute/ }).click();
  await expect(question).toContainText(`You accepted ${offered}`);

  // The associate's queue follows without a reload: the line is the substitute, picked; then it is marked ready.
  await staff.getByRole('button', { name: /^Picking \d+$/ }).click();
  await expect(card.getByTestId('substitution-note')).toHaveText('Substitute accepted by the shopper', { timeout: 15_000 });
  await expect(card.getByRole('checkbox', { name: /^Picked/ }).nth(1)).toBeChecked();
  await card.getByRole('button', { name: 'Mark ready' }).click();
  await expect(staff.getByRole('status').filter({ hasText: `Order ${order.number} is ready` })).toBeVisible();
  await staff.getByRole('button', { name: /^Ready \d+$/ }).click();
  await expect(card).toBeVisible();

  // The "ready for pickup" e-mail carries the store and the code.
  await page.goto('/dev/mail');
  const mail = page.getByTestId('outbox-message').filter({ hasText: `Order ${order.number} is ready to collect at Camden` });
  await expect(mail).toContainText(`Your pickup code: ${pickupCode}`);

  // At the store, the shopper taps "I'm here"; the associate's queue shows them waiting.
  await page.goto(`/orders/${order.id}`);
  await page.getByRole('button', { name: "I'm here" }).click();
  await expect(page.getByTestId('arrived-note')).toBeVisible();
  await staff.getByRole('button', { name: /^Waiting at the counter \d+$/ }).click();
  await expect(card).toContainText(/Waiting \d+ min/, { timeout: 15_000 });
  expect(await axe(staff)).toEqual([]);

  // A wrong code is refused; the right one hands it over, with the payment taken by card.
  const form = card.getByRole('form', { name: `Hand over order ${order.number}` });
  await form.getByLabel('Pickup code').fill(pickupCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
  await form.getByRole('button', { name: 'Hand over' }).click();
  await expect(form.getByRole('alert')).toHaveText('That code does not match this order.');
  await form.getByLabel('Pickup code').fill(pickupCode.toLowerCase());
  await form.getByRole('radio', { name: 'Card terminal' }).check();
  await form.getByRole('button', { name: 'Hand over' }).click();
  await expect(staff.getByRole('status').filter({ hasText: `Handed over: order ${order.number} is collected.` })).toBeVisible();
  await staff.getByRole('button', { name: /^Collected today \d+$/ }).click();
  await expect(card).toContainText('by the shopper');

  // The shopper's order page says where and when.
  await page.reload();
  await expect(page.getByTestId('collected-note')).toHaveText(/^Collected at Camden, \d\d:\d\d$/);
  await expect(page.getByTestId('order-status')).toHaveText('Collected');

  // The store's settings, from the staff header: how long a ready order waits, how long a shopper has to answer.
  await staff.getByRole('link', { name: 'Store settings' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Settings for Camden');
  const settings = staff.getByRole('form', { name: 'Pickup settings for Camden' });
  await expect(settings.getByLabel('Minutes a shopper has to answer about a substitute')).toHaveValue('120');
  expect(await axe(staff)).toEqual([]);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved for Camden.');
  await staff.context().close();
});
