import type { Page } from '@playwright/test';
import { demo, expect, newEmail, test, type Shopper, type StockedVariant } from './fixtures';

// Northwind Rewards on the website: the demo shopper (seeded with points in both channels) sees their points and
// history, uses points at checkout (the total drops by their worth), and after paying sees the order's points pending.
// Phone and desktop run at once on one database, so each project buys its own product and reads balances relatively;
// and as one member has one bag (a second checkout of it cancels the first's unpaid order), the demo member's
// checkout runs in the first project only, while the other signs up a new member who earns their first points.
const points = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('a signed-in shopper uses points at checkout and sees the points the order earned on their account', async ({
  page,
  shop,
  shopper,
  projectIndex,
}, testInfo) => {
  const products = await shop.stockedVariants({
    at: 'Riverside',
    minAvailable: 3,
    pageSize: 48,
    variant: 'first',
    fromEnd: true,
    count: testInfo.config.projects.length,
  });
  const product = products[projectIndex]!;
  if (projectIndex > 0) return firstPoints(page, shopper, product);

  await shopper.signIn(demo.shopper.email, { password: demo.shopper.password, then: '/account/rewards' });
  await expect(page.getByRole('heading', { name: 'Northwind Rewards', exact: true, level: 1 })).toBeVisible();
  await expect(page.getByTestId('points-tier')).not.toBeEmpty();
  await expect(page.getByTestId('points-ledger')).toContainText('In store, Covent Garden');
  await expect(page.getByTestId('points-ledger')).toContainText('Online');
  await expect(page.getByRole('img', { name: 'QR code of your member card' })).toBeVisible();
  const balanceBefore = points(await page.getByTestId('points-balance').textContent());
  expect(balanceBefore).toBeGreaterThanOrEqual(100);

  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId!);
  await page.goto('/checkout');
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  const total = page.getByTestId('checkout-total');
  await expect(total).not.toBeEmpty();
  const before = points(await total.textContent());
  const usePoints = page.getByTestId('use-points');
  await expect(usePoints).toContainText(/You have [\d,]+ points to spend, worth £/);
  await usePoints.getByLabel(/Points to use/).fill('100');
  await expect(page.getByTestId('points-discount')).toHaveText('−£1.00');
  await expect(total).not.toHaveText(new RegExp(`^£${(before / 100).toFixed(2).replace('.', '\\.')}$`));
  expect(points(await total.textContent())).toBe(before - 100);

  await page.getByTestId('place-order').click();
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Succeed' }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });
  await expect(page.getByText(/^Points \(100\)$/)).toBeVisible();

  await page.goto('/account/rewards');
  const ledger = page.getByTestId('points-ledger');
  await expect(ledger.getByText('Earned (pending)').first()).toBeVisible();
  await expect(ledger.getByText('Spent').first()).toBeVisible();
  await expect(page.getByText(/points spendable from/).first()).toBeVisible();
});

// A new member: nothing to spend yet, so checkout offers no points; the paid order's points show as pending.
async function firstPoints(page: Page, shopper: Shopper, product: StockedVariant) {
  await shopper.signUp(newEmail('rewards'), { name: 'Rhea Wards' });
  await shopper.putInBag(product.variantId);
  await shopper.chooseStore(product.storeId!);
  await page.goto('/checkout');
  await expect(page.getByTestId('pickup-store')).toContainText('Riverside');
  const usePoints = page.getByTestId('use-points');
  await expect(usePoints).toContainText('You have 0 points to spend');
  await expect(usePoints.getByLabel(/Points to use/)).toHaveCount(0);
  const total = points(await page.getByTestId('checkout-total').textContent());
  await page.getByTestId('place-order').click();
  await expect(page.getByRole('heading', { name: /^Pay for order / })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Succeed' }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/, { timeout: 15_000 });

  await page.goto('/account/rewards');
  await expect(page.getByTestId('points-balance')).toHaveText('0');
  await expect(page.getByTestId('points-pending')).toHaveText(String(Math.floor(total / 100)));
  await expect(page.getByTestId('points-ledger')).toContainText('Earned (pending)');
  await expect(page.getByText(/points spendable from/)).toBeVisible();
}
