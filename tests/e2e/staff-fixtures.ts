import { devices, expect, type Browser, type Page, type TestInfo } from '@playwright/test';

// The store associates the seed makes (README, "Demo accounts"): staff.<store slug>@example.com.
const staffDemo = (storeSlug: string) => ({ email: `staff.${storeSlug}@example.com`, password: 'staff-demo-1' });

// An associate's phone: a browser context of its own (not the shopper's cookies), signed in and on /staff.
export async function openStaffPage(browser: Browser, testInfo: TestInfo, storeSlug: string): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const { email, password } = staffDemo(storeSlug);
  await page.goto('/sign-in?callbackUrl=/staff');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: /^Pickups at / })).toBeVisible();
  return page;
}
