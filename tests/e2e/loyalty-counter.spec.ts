import { expect, grantPoints, newEmail, openStaffPage, test } from './fixtures';

// Points in both channels (issue 17): a member earns points online, then at the Covent Garden counter an associate
// (on a phone) types the code of the member's card, read off the member's own phone, sees their points, builds an
// in-store sale, spends points with the one-time code the member shows, and records the card payment. The member's
// history then lists both channels. Each project signs up its own member and buys its own items.
const money = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a member earns points online and spends them on an in-store sale at the counter', async ({
  page,
  browser,
  shop,
  shopper,
  axe,
  projectIndex,
}, testInfo) => {
  test.setTimeout(180_000);
  const riverside = await shop.store('Riverside');
  const [online] = (await shop.stockedVariants({ at: 'Riverside', minAvailable: 3, variant: 'last', count: 2 })).slice(projectIndex);
  const [inStore] = (await shop.stockedVariants({ at: 'Covent Garden', minAvailable: 4, variant: 'last', fromEnd: true, count: 2 })).slice(
    projectIndex,
  );
  const product = (await (await page.request.get(`/api/v1/products/${inStore!.slug}`)).json()) as {
    name: string;
    variants: { id: string; sku: string; priceMinor: number }[];
  };
  const { sku, priceMinor } = product.variants.find((v) => v.id === inStore!.variantId)!;

  // Online: a new member's paid pickup order earns points (pending for the return window).
  const email = newEmail('counter');
  await shopper.signUp(email, { name: 'Cora Counter' });
  await shopper.putInBag(online!.variantId);
  await shopper.chooseStore(riverside.id);
  await page.goto('/checkout');
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  await page.getByTestId('place-order').click();
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Succeed' }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });
  await grantPoints(email, 1_000);

  await page.goto('/account/rewards');
  await expect(page.getByTestId('points-balance')).toHaveText('1,000');
  await expect(page.getByTestId('points-ledger')).toContainText('Earned (pending)');
  const cardCode = (await page.getByTestId('member-card-code').textContent())!.trim();
  expect(cardCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // At the counter, on the associate's phone.
  const staff = await openStaffPage(browser, testInfo, 'covent-garden');
  await staff.getByRole('link', { name: 'Counter', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Counter at Covent Garden' })).toBeVisible();
  expect(await axe(staff)).toEqual([]);

  const cardInput = staff.getByLabel('Or type the card code');
  await cardInput.fill('ABCD');
  await staff.getByRole('button', { name: 'Look up' }).click();
  await expect(staff.getByRole('alert').filter({ hasText: 'Type the 12-character code' })).toBeVisible();
  await cardInput.fill(cardCode.toLowerCase());
  await staff.getByRole('button', { name: 'Look up' }).click();
  await expect(staff.getByRole('heading', { name: 'Member: Cora Counter' })).toBeVisible();
  await expect(staff.getByTestId('counter-member-balance')).toContainText('1,000');

  // The item by name (search), then one more of it; the totals come from the server.
  const search = staff.getByLabel('Find an item by name or SKU');
  await search.fill(product.name);
  await staff.getByRole('button', { name: 'Find' }).click();
  await staff
    .getByTestId('counter-results')
    .getByRole('button', { name: new RegExp(`\\(${escape(sku)}\\)$`) })
    .click();
  await expect(staff.getByTestId('counter-lines')).toContainText(sku);
  // A barcode scanner types the SKU and presses Enter: the same item again.
  await search.fill(sku);
  await search.press('Enter');
  await expect(staff.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  await expect(staff.getByTestId('counter-lines')).toContainText('Quantity 2');
  const total = staff.getByTestId('counter-total');
  const goods = priceMinor * 2;
  await expect(total).toHaveText(money(goods));
  const points = Math.min(500, Math.floor(goods / 2 / 100) * 100);
  expect(points).toBeGreaterThanOrEqual(100);

  // Points, with the code the member shows on their own phone.
  await page.getByRole('button', { name: 'Spend points at the counter' }).click();
  const confirmCode = (await page.getByTestId('confirm-code').textContent())!.trim();
  const pointsInput = staff.getByLabel('Points', { exact: true });
  await pointsInput.fill('150');
  await expect(staff.getByRole('alert').filter({ hasText: 'Points are used in steps of 100.' })).toBeVisible();
  await pointsInput.fill(String(points));
  await staff.getByLabel('Shopper’s code').fill(confirmCode);
  await expect(total).toHaveText(money(goods - points));
  await staff.getByRole('radio', { name: 'Card' }).check();
  await staff.getByRole('button', { name: `Record ${money(goods - points)} paid by card` }).click();

  const done = staff.getByTestId('counter-done');
  await expect(done.getByRole('heading', { name: /^Sale \S+ recorded$/ })).toBeFocused();
  await expect(done).toContainText(`${points} points used`);
  await expect(done).toContainText(/[1-9][\d,]* points earned/);
  expect(await axe(staff)).toEqual([]);

  // The member's history: both channels, the counter's store, and what is left to spend.
  await page.goto('/account/rewards');
  await expect(page.getByTestId('points-balance')).toHaveText((1_000 - points).toLocaleString('en-GB'));
  const ledger = page.getByTestId('points-ledger');
  await expect(ledger).toContainText('In store, Covent Garden');
  await expect(ledger).toContainText('Online');
  await page.goto('/account/orders');
  await expect(page.getByTestId('order-history')).toContainText('In store, Covent Garden');
  await staff.context().close();
});

// Points at the pickup counter: a member reserves to pay at Riverside; at the handover the associate opens their
// points, the member shows a one-time code on their own phone, the server prices the points off what is due, and the
// associate takes the rest by card as they hand the order over. The member's history shows the points spent in store.
test('a member’s pay-at-pickup order: points come off what is due at the handover, spent with the payment', async ({
  page,
  browser,
  shop,
  shopper,
  axe,
  projectIndex,
}, testInfo) => {
  test.setTimeout(180_000);
  const riverside = await shop.store('Riverside');
  const [item] = await shop.stockedVariants({
    at: 'Riverside',
    minAvailable: 3,
    inStockOnly: true,
    variant: 'each',
    skip: 30 + projectIndex,
    count: 1,
  });
  const email = newEmail('handover');
  await shopper.signUp(email, { name: 'Hana Handover' });
  await grantPoints(email, 1_000);
  await shopper.putInBag(item!.variantId);
  const placed = await page.request.post('/api/v1/checkout', {
    data: { email, fulfilment: 'PICKUP', pickupLocationId: riverside.id, payment: 'pay_at_pickup' },
  });
  expect(placed.status()).toBe(201);
  const { order, pickupCode } = (await placed.json()) as { order: { id: string; number: string; totalMinor: number }; pickupCode: string };
  const points = Math.min(500, Math.floor(order.totalMinor / 2 / 100) * 100);
  expect(points).toBeGreaterThanOrEqual(100);

  // The store picks it and marks it ready (the queue's own steps; the staff-pickup journey drives them on screen).
  const staff = await openStaffPage(browser, testInfo, 'riverside');
  const lines = ((await (await staff.request.get(`/api/v1/staff/orders/${order.id}`)).json()) as { order: { lines: { id: string }[] } })
    .order.lines;
  const picked = await staff.request.post(`/api/v1/staff/orders/${order.id}/pick`, {
    data: { lines: lines.map((l) => ({ lineId: l.id, status: 'picked' })) },
  });
  expect(picked.status()).toBe(200);
  expect((await staff.request.post(`/api/v1/staff/orders/${order.id}/ready`)).status()).toBe(200);

  await staff.getByRole('button', { name: /^Ready \d+$/ }).click();
  const card = staff.locator(`[data-testid="pickup-card"][data-order-number="${order.number}"]`);
  await expect(card).toBeVisible({ timeout: 15_000 });
  const form = card.getByRole('form', { name: `Hand over order ${order.number}` });
  await expect(form.getByTestId('handover-amount')).toHaveText(`Payment taken: ${money(order.totalMinor)}`);
  await form.getByRole('button', { name: 'Use Rewards points' }).click();
  await expect(form.getByTestId('handover-points-balance')).toContainText('1,000 points to spend');

  // The member's consent: a one-time code on their own phone.
  await page.goto('/account/rewards');
  await page.getByRole('button', { name: 'Spend points at the counter' }).click();
  const confirmCode = (await page.getByTestId('confirm-code').textContent())!.trim();

  // More than the member has is refused by the server; then the points, priced by it.
  const pointsInput = form.getByLabel('Points', { exact: true });
  await pointsInput.fill('1100');
  await expect(form.getByRole('alert')).toHaveText('The member has 1,000 points to spend.');
  await pointsInput.fill(String(points));
  await expect(form.getByRole('status').filter({ hasText: 'off with' })).toHaveText(
    `${money(points)} off with ${points} points: take ${money(order.totalMinor - points)}.`,
  );
  await expect(form.getByTestId('handover-amount')).toHaveText(`Payment taken: ${money(order.totalMinor - points)}`);
  await form.getByLabel('Shopper’s code').fill(confirmCode);
  await form.getByLabel('Pickup code').fill(pickupCode);
  await form.getByRole('radio', { name: 'Card terminal' }).check();
  expect(await axe(staff)).toEqual([]);
  await form.getByRole('button', { name: 'Hand over' }).click();
  await expect(staff.getByRole('status').filter({ hasText: `Handed over: order ${order.number} is collected.` })).toBeVisible();

  // The member's history: the points spent in store at Riverside, on this order, whose page shows them.
  await page.goto('/account/rewards');
  await expect(page.getByTestId('points-balance')).toHaveText((1_000 - points).toLocaleString('en-GB'));
  const spent = page.getByTestId('points-ledger').getByRole('listitem').filter({ hasText: 'Spent' });
  await expect(spent).toContainText('In store, Riverside');
  await expect(spent).toContainText(order.number);
  await expect(spent).toContainText(`-${points}`);
  await page.goto(`/account/orders/${order.id}`);
  await expect(page.getByText(`Points (${points})`)).toBeVisible();
  await staff.context().close();
});
