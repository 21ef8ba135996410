import { expect, openStaffPage, test } from './fixtures';

// A busy store's queue on the associate's phone: the page draws the first page of To pick, "Show more orders" reads
// the next (from the keyboard, the focus moving to the first new order), tabs switch without a reload, and a new
// order shows first on To pick even when the sorted list puts it pages away. Each project has a store of its own that
// no other journey shops at, so the counts are this test's alone.
const STORES = [
  { name: 'Shoreditch', slug: 'shoreditch' },
  { name: 'Covent Garden', slug: 'covent-garden' },
];

test('a queue longer than a page: show more, switch tabs, a new order on top', async ({
  page,
  browser,
  shop,
  shopper,
  axe,
  projectIndex,
}, testInfo) => {
  test.setTimeout(180_000);
  const { name, slug } = STORES[projectIndex % STORES.length]!;
  const store = await shop.store(name);
  const staff = await openStaffPage(browser, testInfo, slug);
  const queuePath = `/api/v1/staff/stores/${store.id}/pickups?status=to_pick&limit=1`;
  const toPick = async () => ((await (await staff.request.get(queuePath)).json()) as { counts: { to_pick: number } }).counts.to_pick;

  // More than a page of orders to pick, each placed by a shopper to pay at the counter.
  const need = Math.max(0, 13 - (await toPick()));
  const picks = await shop.stockedVariants({ count: need + 1, at: name, variant: 'each' });
  const placeOrder = async (variantId: string) => {
    await shopper.putInBag(variantId);
    const placed = await page.request.post('/api/v1/checkout', {
      data: {
        email: `busy-${Date.now()}-${projectIndex}@example.com`,
        fulfilment: 'PICKUP',
        pickupLocationId: store.id,
        payment: 'pay_at_pickup',
      },
    });
    expect(placed.status()).toBe(201);
    return ((await placed.json()) as { order: { number: string } }).order.number;
  };
  for (const pick of picks.slice(0, need)) await placeOrder(pick.variantId);
  const total = await toPick();
  expect(total).toBeGreaterThan(10);

  await staff.reload();
  const cards = staff.getByTestId('pickup-card');
  await expect(staff.getByRole('heading', { level: 2 })).toHaveText(`To pick (${total})`);
  await expect(cards).toHaveCount(10);
  await expect(staff.getByText(`Showing 10 of ${total}`)).toBeVisible();
  expect(await axe(staff)).toEqual([]);
  // A mark that a reload would wipe: tabs and pages must not reload the page.
  await staff.evaluate(() => ((window as unknown as { queueMark: number }).queueMark = 1));

  // The next page, from the keyboard: the focus lands on the first order it added.
  const more = staff.getByRole('button', { name: 'Show more orders' });
  await more.focus();
  await staff.keyboard.press('Enter');
  await expect(cards).toHaveCount(Math.min(20, total));
  await expect(staff.locator('[data-queue-index="10"]')).toBeFocused();
  const numbers = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-order-number')));
  expect(new Set(numbers).size).toBe(numbers.length);

  // Another tab and back, without a reload.
  await staff.getByRole('button', { name: /^Collected today \d+$/ }).click();
  await expect(staff.getByRole('heading', { level: 2 })).toHaveText(/^Collected today \(\d+\)$/);
  await staff.getByRole('button', { name: /^To pick \d+/ }).click();
  await expect(cards).toHaveCount(10);
  expect(await staff.evaluate(() => (window as unknown as { queueMark?: number }).queueMark)).toBe(1);

  // A new order while the queue is open: the badge, and its card first on To pick (the sorted list puts it last).
  const number = await placeOrder(picks[need]!.variantId);
  const fresh = staff.getByTestId('pickup-card').and(staff.locator(`[data-order-number="${number}"]`));
  await expect(fresh).toBeVisible({ timeout: 15_000 });
  await expect(staff.getByTestId('new-orders')).toHaveText('1 new');
  await expect(staff.getByText('New since you opened To pick')).toBeVisible();
  await expect(staff.getByRole('heading', { level: 2 })).toHaveText(`To pick (${total + 1})`);
  expect(await axe(staff)).toEqual([]);
  await staff.context().close();
});
