import { describe, expect, it } from 'vitest';
import { linkEmail, type LinkEmailKind } from '@/lib/auth/emails';
import { CancelCodeEmail } from '@/lib/notifications/emails/cancel-code-email';
import { LineRemovedEmail } from '@/lib/notifications/emails/line-removed-email';
import { NotCollectedEmail } from '@/lib/notifications/emails/not-collected-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { SubstitutionRequestEmail } from '@/lib/notifications/emails/substitution-request-email';
import { orderConfirmationEmail, type OrderEmailView } from '@/lib/notifications/order-templates';
import { readyForPickupEmail } from '@/lib/pickup/ready-email';
import { images, links, visibleText } from './read-email';

const hostile = 'Trail <script>alert(1)</script> & "Co"';

// Every e-mail is a whole document in the brand's frame: the shop's name on top, why it came at the bottom.
function expectFramed(html: string) {
  expect(html.startsWith('<!DOCTYPE html')).toBe(true);
  expect(html).toMatch(/<h1[^>]*>Northwind Supply<\/h1>/);
  expect(html).toContain('font-family:system-ui');
  expect(html).not.toMatch(/<script/i);
}

describe('order confirmation e-mail', () => {
  const view: OrderEmailView = {
    kind: 'confirmation',
    number: 'NW-100700',
    url: 'https://shop.example/orders/o1?from=mail&x=1',
    statusLabel: 'Paid: we are getting it ready for pickup',
    lines: [
      { name: hostile, quantity: 2, total: '£90.00' },
      { name: 'Wool socks', quantity: 1, total: '£12.00' },
    ],
    totals: [
      { label: 'Subtotal', value: '£102.00' },
      { label: 'Total', value: '£102.00', strong: true },
    ],
    fulfilment: { heading: 'Pickup at Riverside', lines: ['1 High St', 'London SE1 1AA'] },
    pickup: { code: 'ABC234', qrCid: 'pickup-qr' },
  };

  it('shows the code, its QR image by cid, the lines (names escaped), totals, store and a link to the order', async () => {
    const mail = await orderConfirmationEmail(view);
    expect(mail.subject).toBe('Order NW-100700 confirmed');
    expectFramed(mail.html);
    const seen = visibleText(mail.html);
    expect(seen).toContain('Thank you for your order NW-100700. Paid: we are getting it ready for pickup.');
    expect(seen).toContain('Your pickup code ABC234');
    expect(seen).toContain(`2 × ${hostile} £90.00`);
    expect(seen).toContain('1 × Wool socks £12.00');
    expect(seen).toContain('Total £102.00');
    expect(seen).toContain('Pickup at Riverside 1 High St London SE1 1AA');
    expect(mail.html).toContain('Trail &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(images(mail.html)).toEqual([{ src: 'cid:pickup-qr', alt: 'QR code for pickup code ABC234' }]);
    expect(links(mail.html)).toContainEqual({ href: view.url, label: 'View your order' });
    expect(mail.html).toMatch(/<strong>|font-weight:700/);
  });

  it('says the same essentials in its text part', async () => {
    const { text } = await orderConfirmationEmail(view);
    for (const essential of [
      'NW-100700',
      'Your pickup code: ABC234',
      `2 × ${hostile}  £90.00`,
      'Total: £102.00',
      'London SE1 1AA',
      view.url,
    ])
      expect(text).toContain(essential);
  });

  it('has no code or QR image for a delivery, and a new code says the old one stopped working', async () => {
    const delivery = await orderConfirmationEmail({ ...view, pickup: null, fulfilment: { heading: 'Delivery to', lines: ['Sam'] } });
    expect(images(delivery.html)).toEqual([]);
    expect(visibleText(delivery.html)).not.toContain('pickup code');
    const renewed = await orderConfirmationEmail({ ...view, kind: 'new_code' });
    expect(renewed.subject).toBe('Your new pickup code for order NW-100700');
    expect(visibleText(renewed.html)).toContain('Any earlier code no longer works.');
  });
});

describe('sign-in link e-mails', () => {
  const url = 'https://shop.example/api/auth/callback/email?token=a1&email=x%40y.test';
  const kinds: [LinkEmailKind, string, string][] = [
    ['sign-in', 'Your sign-in link for Northwind Supply', 'Sign in'],
    ['confirm-sign-up', 'Confirm your e-mail to finish creating your Northwind Supply account', 'Confirm and sign in'],
    ['existing-account', 'Someone tried to create a Northwind Supply account with your e-mail', 'Sign in'],
  ];

  it.each(kinds)('%s: one button to the exact link, the expiry, and the same link in the text', async (kind, subject, button) => {
    const mail = await linkEmail(kind, { url, expiresMinutes: 15 });
    expect(mail.subject).toBe(subject);
    expectFramed(mail.html);
    expect(links(mail.html)[0]).toEqual({ href: url, label: button });
    expect(visibleText(mail.html)).toContain('The link works once and expires in 15 minutes.');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('expires in 15 minutes');
  });
});

describe('ready for pickup e-mail', () => {
  const view = {
    number: 'NW-100800',
    url: 'https://shop.example/orders/o2',
    store: { name: 'Camden <b>Lock</b>', addressLines: ['2 Market Rd', 'London NW1 8AB'], hoursToday: '09:00–18:00' },
    code: 'XYZ789',
    qrCid: 'pickup-qr',
  };

  it('names the store, its address and today’s hours, shows the code and QR, and links "I’m here"', async () => {
    const mail = await readyForPickupEmail(view);
    expect(mail.subject).toBe('Order NW-100800 is ready to collect at Camden <b>Lock</b>');
    expectFramed(mail.html);
    expect(mail.html).not.toContain('<b>Lock');
    const seen = visibleText(mail.html);
    expect(seen).toContain('Good news: order NW-100800 is ready to collect at Camden <b>Lock</b>.');
    expect(seen).toContain('Your pickup code XYZ789');
    expect(seen).toContain('2 Market Rd London NW1 8AB Open today: 09:00–18:00');
    expect(images(mail.html)).toEqual([{ src: 'cid:pickup-qr', alt: 'QR code for pickup code XYZ789' }]);
    expect(links(mail.html)).toContainEqual({ href: view.url, label: "I'm here: open my order" });
    for (const essential of ['Your pickup code: XYZ789', 'Open today: 09:00–18:00', 'London NW1 8AB', view.url])
      expect(mail.text).toContain(essential);
  });

  it('without a code (an order from before codes were kept) has no code block and no image', async () => {
    const mail = await readyForPickupEmail({ ...view, code: null });
    expect(images(mail.html)).toEqual([]);
    expect(visibleText(mail.html)).not.toContain('pickup code');
  });
});

describe('order notices', () => {
  const url = 'https://shop.example/orders/o3';

  it('the cancel code shows the code and how long it works', async () => {
    const html = await renderEmailHtml(CancelCodeEmail, { number: 'NW-1<i>', code: '042917', minutes: 15, url });
    expectFramed(html);
    expect(visibleText(html)).toContain('Someone asked to cancel order NW-1<i> from a device');
    expect(visibleText(html)).toContain('042917 Enter it on the order page within 15 minutes.');
    expect(html).not.toContain('<i>');
    expect(links(html)).toContainEqual({ href: url, label: 'Open the order' });
  });

  it('the substitution request shows each question and links to the answer', async () => {
    const paragraphs = [
      'We are getting order NW-2 ready at Camden, and something is missing.',
      `1 × ${hostile}: we can't find it. We can give you Tee, Blue, M instead, at £20.00 each.`,
      'Please accept or decline on your order page by 14:30.',
    ];
    const html = await renderEmailHtml(SubstitutionRequestEmail, { number: 'NW-2', paragraphs, url });
    expectFramed(html);
    for (const p of paragraphs) expect(visibleText(html)).toContain(p);
    expect(links(html)).toContainEqual({ href: url, label: 'Answer on your order page' });
  });

  it('a dropped line and an uncollected order say what happened and link to the order', async () => {
    const removed = await renderEmailHtml(LineRemovedEmail, { number: 'NW-3', body: `We did not hear back about ${hostile}.`, url });
    expect(visibleText(removed)).toContain(`We did not hear back about ${hostile}.`);
    const reminder = await renderEmailHtml(NotCollectedEmail, { number: 'NW-3', body: 'Order NW-3 is still waiting for you.', url });
    expect(visibleText(reminder)).toContain('Order NW-3 is still waiting for you.');
    for (const html of [removed, reminder]) {
      expectFramed(html);
      expect(links(html)).toContainEqual({ href: url, label: 'View your order' });
    }
  });
});
