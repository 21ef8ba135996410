import type { Page } from '@playwright/test';
import { demo, expect, newEmail, newPassword, test } from './fixtures';

// Security behaviour a shopper's browser sees: the Content-Security-Policy (and that the shop works under it),
// server-side sign-out, sign-up that does not reveal accounts, and redirects that stay on the shop.

// Collects what the browser refused under the page's policy: the securitypolicyviolation events and console reports.
async function watchViolations(page: Page) {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (securitypolicyviolation) ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

async function passwordAttempt(page: Page, email: string, password: string) {
  await page.goto('/sign-in?callbackUrl=/account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInAsDemoShopper(page: Page, then = '/account') {
  await page.goto(`/sign-in?callbackUrl=${then}`);
  await page.getByLabel('Email').fill(demo.shopper.email);
  await page.getByLabel('Password').fill(demo.shopper.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === then, { timeout: 20_000 });
}

test('every page carries a Content-Security-Policy and the shop runs under it without a violation', async ({ page, request }) => {
  const violations = await watchViolations(page);
  const product = ((await (await request.get('/api/v1/products?pageSize=1')).json()) as { items: { slug: string }[] }).items[0]!;

  const pages: [string, RegExp][] = [
    ['/', /script-src 'self' 'unsafe-inline'/],
    [`/p/${product.slug}`, /script-src 'self' 'unsafe-inline'/],
    ['/sign-in', /script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/],
    ['/checkout', /script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/],
  ];
  for (const [path, script] of pages) {
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy, path).toMatch(script);
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'self'");
    expect(policy, path).toContain("frame-ancestors 'self'");
    // Hydrated: a client-side control answers.
    await page.waitForLoadState('networkidle');
  }
  // The product page's bag button and the sign-in form's mode switch run only if their scripts were allowed.
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByTestId('header-cart-button')).toHaveAccessibleName(/^Bag, \d+ items?$/);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
  await expect(page.getByRole('button', { name: 'Email me a sign-in link', exact: true })).toBeVisible();
  expect(violations).toEqual([]);

  // Each request to a page with a nonce gets a new one.
  const nonce = async () => (await page.request.get('/sign-in')).headers()['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
  expect(await nonce()).not.toBe(await nonce());
});

test('a session cookie copied before sign-out no longer signs anyone in', async ({ page, browser }) => {
  await signInAsDemoShopper(page);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith('authjs.session-token'))).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const other = await thief.newPage();
  await other.goto('/account');
  await expect(other).toHaveURL(/\/sign-in/);
  await thief.close();
});

test('a new password signs the account out on every other device, not on this one', async ({ page, browser, shopper }) => {
  const email = newEmail('rekeyed');
  await shopper.signUp(email);
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await passwordAttempt(laptop, email, newPassword);
  await expect(laptop.getByText(`Signed in as ${email}`)).toBeVisible({ timeout: 20_000 });

  await page.goto('/account');
  await page.getByText('Change your password').click();
  await page.getByLabel('Current password').fill(newPassword);
  await page.getByLabel('New password').fill('a-brand-new-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed.')).toBeVisible({ timeout: 20_000 });

  await page.reload();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await laptop.goto('/account');
  await expect(laptop).toHaveURL(/\/sign-in/);
  await other.close();
});

test('sign-up answers the same for an address with an account, and tells its owner instead', async ({ page, shopper }) => {
  const owner = newEmail('owner');
  await shopper.signUp(owner);
  await shopper.signOut();
  const fresh = newEmail('signup');
  for (const email of [owner, fresh]) {
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Someone');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('someone-elses-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(`Check your e-mail: we sent a link to ${email}`)).toBeVisible();
  }
  await page.goto('/dev/mail');
  await expect(page.getByTestId('outbox-message').filter({ hasText: owner }).first()).toContainText(
    'Someone tried to create a Northwind Supply account',
  );
  await expect(page.getByTestId('outbox-message').filter({ hasText: fresh }).first()).toContainText('Confirm your e-mail');
  // The owner's password still works; the one typed into the sign-up form does not.
  await passwordAttempt(page, owner, 'someone-elses-password');
  await expect(page.getByText('That e-mail and password do not match an account.')).toBeVisible({ timeout: 20_000 });
  await passwordAttempt(page, owner, newPassword);
  await expect(page).toHaveURL((url) => url.pathname === '/account', { timeout: 20_000 });
});

test('a stranger’s guesses do not lock the owner out: their own device still signs in, a new one is sent a link', async ({
  page,
  browser,
  shopper,
}) => {
  // Fourteen password checks, each a memory-hard hash: 55 s of the default 60 in a CI run on this 2-core machine.
  test.setTimeout(150_000);
  const email = newEmail('guarded');
  await shopper.signUp(email);
  await shopper.signOut();
  // Signing in with the password once marks this browser as the owner's device.
  await passwordAttempt(page, email, newPassword);
  await expect(page).toHaveURL((url) => url.pathname === '/account', { timeout: 20_000 });
  await shopper.signOut();

  // From another network, so the guesses use that network's per-IP budget (60 in 15 minutes), not the test run's.
  const stranger = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250)}` } });
  const guesser = await stranger.newPage();
  for (let i = 0; i < 10; i++) {
    await passwordAttempt(guesser, email, `guess-number-${i}`);
    await expect(guesser.getByText('That e-mail and password do not match an account.')).toBeVisible({ timeout: 20_000 });
  }
  // From a new device the right password no longer signs in; a link goes to the address instead.
  await passwordAttempt(guesser, email, newPassword);
  await expect(guesser.getByText(`To keep it safe, we e-mailed a sign-in link to ${email}`)).toBeVisible({ timeout: 20_000 });
  await guesser.goto('/account');
  await expect(guesser).toHaveURL(/\/sign-in/);
  await stranger.close();

  // The owner, on their own device, signs in with the password as usual.
  await passwordAttempt(page, email, newPassword);
  await expect(page).toHaveURL((url) => url.pathname === '/account', { timeout: 20_000 });
  await page.goto('/dev/mail');
  await expect(page.getByTestId('outbox-message').filter({ hasText: email }).first()).toContainText(
    'Your sign-in link for Northwind Supply',
  );
});

test('a sign-in link back to another site lands on the shop instead', async ({ page }) => {
  await signInAsDemoShopper(page);
  for (const callbackUrl of ['/%09/evil.example/x', '/%0a/evil.example/x', '/%0d/evil.example/x', '//evil.example', '/%5Cevil.example']) {
    for (const form of ['sign-in', 'sign-up']) {
      await page.goto(`/${form}?callbackUrl=${callbackUrl}`);
      await expect(page).toHaveURL((url) => url.pathname === '/account');
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    }
  }
});
