import QRCode from 'qrcode';
import { browserWithCamera } from './fake-camera';
import { expect, newEmail, openStaffPage, test } from './fixtures';

// The counter's camera (issue 17): the associate's phone reads the member card's QR code, as shown on the member's
// own phone, and the member is looked up without typing. The camera is Chromium's fake one, playing a picture of the
// card's QR code taken from the member's page (tests/e2e/fake-camera.ts).
test('the counter reads a member card with the camera', async ({ page, shopper }, testInfo) => {
  test.setTimeout(120_000);
  await shopper.signUp(newEmail('camera'), { name: 'Cam Reader' });
  await page.goto('/account/rewards');
  const qr = await page.getByRole('img', { name: 'QR code of your member card' }).screenshot({ scale: 'css' });

  const browser = await browserWithCamera(testInfo, qr);
  try {
    const staff = await openStaffPage(browser, testInfo, 'covent-garden');
    await staff.getByRole('link', { name: 'Counter', exact: true }).click();
    await staff.getByRole('button', { name: 'Scan member card' }).click();
    await expect(staff.getByRole('heading', { name: 'Member: Cam Reader' })).toBeVisible({ timeout: 15_000 });
    await expect(staff.getByTestId('counter-member-balance')).toContainText('0');
    // The card's step gives way to the member, and the camera is off.
    await expect(staff.getByLabel('Or type the card code')).toHaveCount(0);
    await expect(staff.locator('video')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('a QR code that is not a member card is named as such and the camera keeps looking', async ({}, testInfo) => {
  const other = await QRCode.toBuffer('https://example.com/not-a-card', { type: 'png', width: 240, margin: 2 });
  const browser = await browserWithCamera(testInfo, other);
  try {
    const staff = await openStaffPage(browser, testInfo, 'covent-garden');
    await staff.getByRole('link', { name: 'Counter', exact: true }).click();
    await staff.getByRole('button', { name: 'Scan member card' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'That QR code is not a member card.' })).toBeVisible({ timeout: 15_000 });
    await expect(staff.getByRole('button', { name: 'Stop scanning' })).toBeVisible();
    await expect(staff.getByRole('heading', { name: /^Member:/ })).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
