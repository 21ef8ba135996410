import { describe, expect, it } from 'vitest';
import { checkoutBodySchema } from '@/lib/checkout/schemas';

describe('checkout body', () => {
  it('drops any price, total or discount amount a client sends', () => {
    const parsed = checkoutBodySchema.parse({
      email: ' Sam@Example.com ',
      fulfilment: 'PICKUP',
      pickupLocationId: 'loc_1',
      totalMinor: 1,
      discountMinor: 9999,
      lines: [{ variantId: 'v1', unitPriceMinor: 1 }],
    });
    expect(parsed).toEqual({ email: 'sam@example.com', fulfilment: 'PICKUP', pickupLocationId: 'loc_1', payment: 'online' });
  });

  it('needs an address for delivery and refuses pay at pickup for it', () => {
    expect(checkoutBodySchema.safeParse({ email: 'a@b.co', fulfilment: 'DELIVERY' }).success).toBe(false);
    const address = { name: 'Sam', line1: '1 Road', city: 'London', postcode: 'se1 7pb' };
    const ok = checkoutBodySchema.parse({ email: 'a@b.co', fulfilment: 'DELIVERY', shippingAddress: address });
    expect(ok).toMatchObject({ shippingAddress: { postcode: 'SE1 7PB', country: 'GB' } });
    const refused = checkoutBodySchema.safeParse({
      email: 'a@b.co',
      fulfilment: 'DELIVERY',
      shippingAddress: address,
      payment: 'pay_at_pickup',
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['payment']);
  });

  it('refuses a malformed e-mail and an unknown fulfilment', () => {
    expect(checkoutBodySchema.safeParse({ email: 'nope', fulfilment: 'PICKUP', pickupLocationId: 'x' }).success).toBe(false);
    expect(checkoutBodySchema.safeParse({ email: 'a@b.co', fulfilment: 'DRONE' }).success).toBe(false);
  });
});
