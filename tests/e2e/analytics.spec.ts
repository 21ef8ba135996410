import { readFile } from 'node:fs/promises';
import { demo, expect, test } from './fixtures';

// The merchant's dashboard on a desktop: only for admins, every chart with its table, and each table as CSV.
test.describe('analytics dashboard', () => {
  test('an admin sees the dashboard (axe-clean), downloads a table as CSV and filters by channel', async ({ page, axe, shopper }) => {
    // Something to count: a product viewed, as the product page reports it.
    const products = (await (await page.request.get('/api/v1/products?pageSize=1')).json()) as { items: { id: string }[] };
    expect((await page.request.post('/api/v1/views', { data: { productId: products.items[0]!.id } })).status()).toBe(204);

    await shopper.signIn(demo.admin.email, { password: demo.admin.password, then: '/admin/analytics' });
    await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible();
    // Events are written a moment after they happen.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('table', { name: 'Conversion funnel' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const funnel = page.getByRole('region', { name: 'Conversion funnel' });
    await expect(funnel.getByRole('img', { name: /Conversion funnel: Events/ })).toBeVisible();
    await expect(funnel.getByRole('row', { name: /Product viewed/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Loyalty' })).toBeVisible();
    expect(await axe()).toEqual([]);

    const download = page.waitForEvent('download');
    await funnel.getByRole('link', { name: /Download CSV/ }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Step,Events,Of the step before,Of views');
    expect(csv).toMatch(/\r\nProduct viewed,[1-9]\d*,,1\.0000\r\n/);

    // The filters are a plain form: choosing a channel reloads with it.
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'In store' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/channel=IN_STORE/);
    await expect(page.getByRole('combobox', { name: 'Channel' })).toHaveValue('IN_STORE');
  });

  test('a shopper who is not an admin gets a 404 page saying it is for administrators, not the dashboard, and its CSV answers 403', async ({
    page,
    axe,
    shopper,
  }) => {
    await shopper.signIn(demo.shopper.email, { password: demo.shopper.password, then: '/' });
    const response = await page.goto('/admin/analytics');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page is for administrators', level: 1 })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Back to the shop' })).toBeVisible();
    expect(await axe()).toEqual([]);
    expect((await page.request.get('/api/v1/admin/analytics/funnel')).status()).toBe(403);
  });
});
