import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { clientIp } from '@/lib/auth/request-ip';
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

  it('takes the first forwarded address as the client IP', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers())).toBe('unknown');
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
