import { describe, expect, it } from 'vitest';
import { addressSchema, signInSchema } from '@/lib/auth/schemas';
import { productQuerySchema } from '@/lib/catalog/schemas';
import { checkoutBodySchema } from '@/lib/checkout/schemas';
import { text } from '@/lib/validation/text';

describe('text()', () => {
  it('refuses control characters anywhere, after trimming the ends', () => {
    const schema = text().min(1).max(40);
    for (const bad of ['a\u0000b', '\u0000', 'Cam\u001bden', 'x\u007f', 'x\u0085y', 'two\nlines'])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(schema.parse('  Camden\t')).toBe('Camden');
    expect(schema.parse('Zoë’s café — 10%')).toBe('Zoë’s café — 10%');
  });

  it('keeps line breaks and tabs in multi-line text, never NUL', () => {
    const schema = text({ multiline: true });
    expect(schema.parse('line one\n\tline two')).toBe('line one\n\tline two');
    expect(schema.safeParse('a\u0000').success).toBe(false);
  });

  it('guards the API’s query and body schemas and the forms’ schemas alike', () => {
    expect(productQuerySchema.safeParse({ q: '\u0000' }).success).toBe(false);
    expect(productQuerySchema.safeParse({ color: ['Navy', 'x\u0000'] }).success).toBe(false);
    expect(productQuerySchema.safeParse({ size: 'M\u0000' }).success).toBe(false);
    expect(productQuerySchema.safeParse({ q: 'rain jacket', color: 'Navy', size: 'M' }).success).toBe(true);
    const pickup = { email: 'ann@example.com', fulfilment: 'PICKUP', pickupLocationId: 'loc\u0000' };
    expect(checkoutBodySchema.safeParse(pickup).success).toBe(false);
    expect(addressSchema.safeParse({ name: 'Ann', line1: '1 High St\u0000', line2: '', city: 'London', postcode: 'E1 1AA' }).success).toBe(
      false,
    );
    // Passwords are not trimmed (a space may be part of one) but refuse control characters too.
    expect(signInSchema.parse({ email: 'ann@example.com', password: ' secret ' }).password).toBe(' secret ');
    expect(signInSchema.safeParse({ email: 'ann@example.com', password: 'sec\u0000ret' }).success).toBe(false);
  });
});
