import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/auth/redirect';

// Each value below as it reaches the page after the query string is decoded (`%09` is a tab, and so on).
describe('redirect after sign-in', () => {
  it('keeps paths on this shop, with their query and fragment', () => {
    expect(safeRedirectPath('/cart')).toBe('/cart');
    expect(safeRedirectPath('/c/jackets?color=red#grid')).toBe('/c/jackets?color=red#grid');
    expect(safeRedirectPath('/account/orders/o_1')).toBe('/account/orders/o_1');
  });

  it.each([
    ['tab', '/\t/evil.example/x'],
    ['newline', '/\n/evil.example/x'],
    ['carriage return', '/\r/evil.example/x'],
    ['tab inside the slashes', '/\t\t/evil.example'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/account'],
    ['backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['backslash then slash', '/\\/evil.example'],
    ['absolute URL', 'https://evil.example/account'],
    ['absolute URL without slashes', 'https:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with a comment', 'javascript:alert(1)//'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a NUL byte', '/\u0000/evil.example'],
    ['a sign-in loop', '/sign-in?callbackUrl=/account'],
    ['the sign-up page', '/sign-up'],
    ['Auth.js', '/api/auth/signout'],
    ['nothing', undefined],
    ['a number', 42],
    ['an empty string', ''],
  ])('refuses %s', (_name, value) => {
    expect(safeRedirectPath(value)).toBe('/account');
  });

  it('never returns anything a browser would read as another host', () => {
    for (const value of ['/.//evil.example', '/..//evil.example', '/%2F/evil.example', '/./\t/evil.example']) {
      const path = safeRedirectPath(value);
      expect(new URL(path, 'https://shop.example').origin).toBe('https://shop.example');
      expect(path.startsWith('//')).toBe(false);
    }
  });
});
