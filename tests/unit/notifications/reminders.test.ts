import { describe, expect, it } from 'vitest';
import { BackInStockEmail } from '@/lib/notifications/emails/back-in-stock-email';
import { BagReminderEmail } from '@/lib/notifications/emails/bag-reminder-email';
import { CollectReminderEmail } from '@/lib/notifications/emails/collect-reminder-email';
import { PointsExpiringEmail } from '@/lib/notifications/emails/points-expiring-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';
import { images, links, visibleText } from './read-email';

const unsubscribeUrl = 'https://shop.example/unsubscribe?token=abc.def&x=1';

describe('reminder and offer e-mails', () => {
  it('the bag reminder lists the bag (names escaped), opens it, and shows a link to stop bag reminders', async () => {
    const html = await renderEmailHtml(BagReminderEmail, {
      lines: [
        { name: 'Tee <script>x()</script>', quantity: 2, amount: '£50.00' },
        { name: 'Cap', quantity: 1, amount: '£15.00' },
      ],
      url: 'https://shop.example/cart',
      unsubscribeUrl,
    });
    expect(html).not.toMatch(/<script/i);
    const seen = visibleText(html);
    expect(seen).toContain('Your bag is still waiting: 2 × Tee <script>x()</script> £50.00 1 × Cap £15.00');
    expect(seen).toContain('You get this e-mail because you agreed to bag reminders. No more bag reminders');
    expect(links(html)).toEqual(
      expect.arrayContaining([
        { href: 'https://shop.example/cart', label: 'Open my bag' },
        { href: unsubscribeUrl, label: 'No more bag reminders' },
      ]),
    );
    expect(images(html)).toEqual([]);
  });

  it('expiring points are an offer: a link to the points and one to stop offers', async () => {
    const body = '1,200 of your Northwind Rewards points (worth up to £12.00) expire on 1 March.';
    const html = await renderEmailHtml(PointsExpiringEmail, { body, url: 'https://shop.example/account/rewards', unsubscribeUrl });
    expect(visibleText(html)).toContain(body);
    expect(links(html)).toEqual(
      expect.arrayContaining([
        { href: 'https://shop.example/account/rewards', label: 'See my points' },
        { href: unsubscribeUrl, label: 'No more offers and news' },
      ]),
    );
  });

  it('the collect reminder and back-in-stock e-mails say their piece and link to it, without an unsubscribe link', async () => {
    const reminder = await renderEmailHtml(CollectReminderEmail, {
      number: 'NW-9',
      body: 'Order NW-9 is still waiting for you at Camden <Lock>.',
      url: 'https://shop.example/orders/o9',
    });
    expect(visibleText(reminder)).toContain('Order NW-9 is still waiting for you at Camden <Lock>.');
    expect(links(reminder)).toContainEqual({ href: 'https://shop.example/orders/o9', label: 'View your order and pickup code' });
    const back = await renderEmailHtml(BackInStockEmail, {
      body: 'Good news: Rain Jacket (Blue, M) is back in stock.',
      url: 'https://shop.example/products/rain-jacket',
      after: 'You asked for one e-mail when it came back: this is it.',
    });
    expect(visibleText(back)).toContain('Good news: Rain Jacket (Blue, M) is back in stock.');
    expect(visibleText(back)).toContain('You asked for one e-mail when it came back: this is it.');
    expect(links(back)).toContainEqual({ href: 'https://shop.example/products/rain-jacket', label: 'See it' });
    for (const html of [reminder, back]) expect(links(html).some((l) => l.href.includes('unsubscribe'))).toBe(false);
  });
});
