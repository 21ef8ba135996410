import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { clientIp, parseTrustedProxies } from '@/lib/auth/request-ip';
import { signInSchema, signUpSchema } from '@/lib/auth/schemas';
import { signValue, unsignValue } from '@/lib/auth/secret';
import { LocalBus } from '@/lib/events/bus';

describe('auth helpers', () => {
  it('only redirects to paths on this site', () => {
    expect(safeRedirectPath('/cart')).toBe('/cart');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '/sign-in', undefined, 42]) {
      expect(safeRedirectPath(bad)).toBe('/account');
    }
  });

  it('signs cookie values so a forged or re-purposed value is rejected', () => {
    const signed = signValue('cart_123', 'cart');
    expect(unsignValue(signed, 'cart')).toBe('cart_123');
    expect(unsignValue(signed, 'other')).toBeNull();
    expect(unsignValue(signed.replace('cart_123', 'cart_124'), 'cart')).toBeNull();
    expect(unsignValue('cart_123', 'cart')).toBeNull();
    expect(unsignValue(undefined, 'cart')).toBeNull();
  });

  it('normalises e-mails and requires a real password on sign-up', () => {
    expect(signInSchema.parse({ email: '  Shopper@Example.COM ', password: 'x' }).email).toBe('shopper@example.com');
    expect(signUpSchema.safeParse({ name: 'A', email: 'a@example.com', password: 'short' }).success).toBe(false);
  });

  it('takes the client IP from the right of X-Forwarded-For, stepping over trusted proxies only', () => {
    const xff = (value: string) => new Headers({ 'x-forwarded-for': value });
    // Not behind a proxy: the last entry is the socket address (lib/auth/forwarded.ts); anything before it is made up.
    expect(clientIp(xff('203.0.113.9, 10.0.0.1'), null)).toBe('10.0.0.1');
    expect(clientIp(xff('::ffff:198.51.100.4'), null)).toBe('198.51.100.4');
    const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, fd00::/8');
    expect(clientIp(xff('1.1.1.1, 203.0.113.9, 192.0.2.7, 10.1.2.3'), proxies)).toBe('203.0.113.9');
    expect(clientIp(xff('198.51.100.1, fd00::5'), proxies)).toBe('198.51.100.1');
    expect(clientIp(xff('10.0.0.5'), proxies)).toBe('10.0.0.5');
    expect(clientIp(xff('not-an-ip'), null)).toBe('invalid');
    expect(clientIp(new Headers({ 'x-real-ip': '192.0.2.99' }), null)).toBe('unknown');
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('event bus', () => {
  it('delivers to subscribers of a channel only, survives a failing listener and cleans up', () => {
    const bus = new LocalBus();
    const got: unknown[] = [];
    const off = bus.subscribe('cart:1', (p) => got.push(p));
    bus.subscribe('cart:1', () => {
      throw new Error('boom');
    });
    bus.subscribe('cart:2', () => got.push('wrong'));
    bus.emit('cart:1', { version: 2 });
    expect(got).toEqual([{ version: 2 }]);
    off();
    expect(bus.listenerCount('cart:1')).toBe(1);
  });
});
