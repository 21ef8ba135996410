import { describe, expect, it } from 'vitest';
import { backInStockEmail } from '@/lib/back-in-stock/email';
import { bagReminderEmail } from '@/lib/messaging/bag-reminders';
import { pointsExpiringEmail } from '@/lib/messaging/points-expiring-email';
import { collectReminderEmail } from '@/lib/pickup/collect-reminder-email';
import { links, visibleText } from './read-email';

// The HTML and text parts a caller gets back: the same essentials in both, and for reminders and offers the same
// unsubscribe link in both plus the one-click headers.
describe('reminder and offer e-mails, both parts', () => {
  it('the bag reminder: items, the bag link and the unsubscribe link in both parts, and RFC 8058 headers', async () => {
    const mail = await bagReminderEmail({
      email: 'a@example.com',
      url: 'https://shop.example/bag/r1',
      lines: [{ name: 'Tee <b>', quantity: 2, price: '£50.00' }],
    });
    expect(mail.subject).toBe('You left something in your bag');
    const unsubscribe = links(mail.html).find((l) => l.label === 'No more bag reminders');
    expect(unsubscribe?.href).toMatch(/\/unsubscribe\?token=/);
    expect(mail.text).toContain(`No more bag reminders: ${unsubscribe?.href}`);
    expect(links(mail.html)).toContainEqual({ href: 'https://shop.example/bag/r1', label: 'Open my bag' });
    expect(visibleText(mail.html)).toContain('2 × Tee <b> £50.00');
    expect(mail.text).toContain('2 × Tee <b>  £50.00');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['List-Unsubscribe']).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/messaging\/unsubscribe\?token=[^>]+>$/);
  });

  it('expiring points: the amount, date and both links in both parts', async () => {
    const view = {
      points: 1200,
      worth: '£12.00',
      date: '1 March 2027',
      url: 'https://shop.example/account/rewards',
      unsubscribeUrl: 'https://shop.example/unsubscribe?token=t1',
    };
    const mail = await pointsExpiringEmail(view);
    expect(mail.subject).toBe('1,200 Northwind Rewards points expire on 1 March 2027');
    for (const part of [visibleText(mail.html), mail.text]) expect(part).toContain('(worth up to £12.00) expire on 1 March 2027');
    expect(links(mail.html)).toEqual(
      expect.arrayContaining([
        { href: view.url, label: 'See my points' },
        { href: view.unsubscribeUrl, label: 'No more offers and news' },
      ]),
    );
    expect(mail.text).toContain(view.unsubscribeUrl);
  });

  it('the collect reminder and back-in-stock e-mails: their news and link in both parts', async () => {
    const reminder = await collectReminderEmail({
      number: 'NW-9',
      store: 'Camden',
      deadline: 'Friday 11 December, 14:05',
      hoursLeft: 24,
      url: 'https://shop.example/orders/o9',
    });
    expect(reminder.subject).toBe('Order NW-9 is waiting for you at Camden: last day to collect');
    for (const part of [visibleText(reminder.html), reminder.text])
      expect(part).toContain('Please collect it by Friday 11 December, 14:05');
    expect(links(reminder.html)).toContainEqual({ href: 'https://shop.example/orders/o9', label: 'View your order and pickup code' });
    const back = await backInStockEmail({ productName: 'Rain <Jacket>', variantLabel: 'Blue, M', url: 'https://shop.example/p/rain' });
    expect(back.subject).toBe('Rain <Jacket> is back in stock');
    for (const part of [visibleText(back.html), back.text])
      expect(part).toContain('Good news: Rain <Jacket> (Blue, M), which you asked us about');
    expect(back.html).not.toContain('<Jacket>');
    expect(links(back.html)).toContainEqual({ href: 'https://shop.example/p/rain', label: 'See it' });
  });
});
