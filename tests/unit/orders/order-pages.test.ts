import { describe, expect, it } from 'vitest';
import { orderConfirmationEmail, type OrderEmailView } from '@/lib/notifications/order-templates';
import { historyPageSchema, orderIdSchema, orderLookupSchema } from '@/lib/orders/schemas';
import { parsePickupQrPayload, pickupQrPayload } from '@/lib/pickup/qr';

describe('pickup QR payload', () => {
  it('round-trips an order id and a code, normalised the way the counter types it', () => {
    const payload = pickupQrPayload('cm3abc_12-x', 'ab c-7k');
    expect(payload).toBe('NW1:cm3abc_12-x:ABC7K');
    expect(parsePickupQrPayload(` ${payload} `)).toEqual({ orderId: 'cm3abc_12-x', code: 'ABC7K' });
  });

  it('rejects anything that is not our payload', () => {
    for (const bad of ['', 'NW2:o:ABCDEF', 'NW1:o', 'NW1::ABCDEF', 'NW1:o/../x:ABCDEF', 'https://evil.example/?NW1:o:ABCDEF', 'NW1:o:AB']) {
      expect(parsePickupQrPayload(bad), bad).toBeNull();
    }
  });
});

describe('order page inputs', () => {
  it('accepts an order number with or without its prefix, and any case of e-mail', () => {
    expect(orderLookupSchema.parse({ number: ' nw-100612 ', email: ' Sam@Example.COM ' })).toEqual({
      number: 'NW-100612',
      email: 'sam@example.com',
    });
    expect(orderLookupSchema.parse({ number: '100612', email: 'sam@example.com' }).number).toBe('NW-100612');
    expect(orderLookupSchema.safeParse({ number: "NW-1' OR 1=1", email: 'sam@example.com' }).success).toBe(false);
    expect(orderLookupSchema.safeParse({ number: 'NW-1', email: 'not-an-email' }).success).toBe(false);
  });

  it('takes only plain ids, and falls back to the first page for a bad page number', () => {
    expect(orderIdSchema.safeParse('cm3abc_12-x').success).toBe(true);
    for (const bad of ['', '../x', 'a b', 'x'.repeat(65)]) expect(orderIdSchema.safeParse(bad).success, bad).toBe(false);
    expect(historyPageSchema.parse('3')).toBe(3);
    for (const bad of ['0', '-1', 'abc', '1.5', undefined]) expect(historyPageSchema.parse(bad)).toBe(1);
  });
});

describe('orderConfirmationEmail', () => {
  const view: OrderEmailView = {
    kind: 'confirmation',
    number: 'NW-100700',
    url: 'https://shop.example/orders/o1',
    statusLabel: 'Paid: we are getting it ready for pickup',
    lines: [{ name: 'Trail <Jacket> & "Co"', quantity: 2, total: '£90.00' }],
    totals: [{ label: 'Total', value: '£90.00', strong: true }],
    fulfilment: { heading: 'Pickup at Riverside', lines: ['1 High St', 'London SE1 1AA'] },
    pickup: { code: 'ABC234', qrCid: 'pickup-qr' },
  };

  it('carries the code in both parts and the QR code as an inline image, with names escaped', async () => {
    const mail = await orderConfirmationEmail(view);
    expect(mail.subject).toBe('Order NW-100700 confirmed');
    expect(mail.text).toContain('Your pickup code: ABC234');
    expect(mail.text).toContain('2 × Trail <Jacket> & "Co"  £90.00');
    expect(mail.html).toContain('src="cid:pickup-qr"');
    expect(mail.html).toContain('Trail &lt;Jacket&gt; &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<Jacket>');
  });

  it('has no code or QR code for a delivery, and says when a code replaces an earlier one', async () => {
    const delivery = await orderConfirmationEmail({ ...view, pickup: null, fulfilment: { heading: 'Delivery to', lines: ['Sam'] } });
    expect(delivery.text).not.toContain('pickup code');
    expect(delivery.html).not.toContain('cid:');
    const renewed = await orderConfirmationEmail({ ...view, kind: 'new_code' });
    expect(renewed.subject).toBe('Your new pickup code for order NW-100700');
    expect(renewed.text).toContain('Any earlier code no longer works.');
  });
});
