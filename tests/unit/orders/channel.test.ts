import { describe, expect, it } from 'vitest';
import { channelFromUserAgent } from '@/lib/orders/channel';
import { checkoutBodySchema } from '@/lib/checkout/schemas';

describe('channelFromUserAgent', () => {
  it('records phones and tablets as web on a phone, everything else as desktop', () => {
    expect(channelFromUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148')).toBe(
      'WEB_MOBILE',
    );
    expect(channelFromUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 7) Chrome/120.0 Mobile Safari/537.36')).toBe('WEB_MOBILE');
    expect(channelFromUserAgent('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)')).toBe('WEB_MOBILE');
    expect(channelFromUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15')).toBe('WEB_DESKTOP');
    expect(channelFromUserAgent(null)).toBe('WEB_DESKTOP');
  });
});

describe('checkoutBodySchema', () => {
  it('has no place for a price, total or line: they are dropped', () => {
    const parsed = checkoutBodySchema.parse({
      email: 'A@Example.com',
      fulfilment: 'PICKUP',
      pickupLocationId: 'loc_1',
      totalMinor: 1,
      subtotalMinor: 1,
      lines: [{ variantId: 'v', unitPriceMinor: 1 }],
      priceMinor: 1,
    });
    expect(parsed).toEqual({ email: 'a@example.com', fulfilment: 'PICKUP', pickupLocationId: 'loc_1', payment: 'online' });
  });
});
