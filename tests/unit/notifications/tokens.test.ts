import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brand } from '@/lib/notifications/emails/tokens';

// The web's design tokens live in app/globals.css; e-mail needs them as literals (mail clients ignore CSS variables).
const css = readFileSync(new URL('../../../app/globals.css', import.meta.url), 'utf8');
const token = (name: string) => new RegExp(`--${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();

describe('e-mail brand tokens', () => {
  it('are the storefront’s own colours and font', () => {
    expect({
      brand: brand.brand,
      brandSoft: brand.brandSoft,
      onBrand: brand.onBrand,
      ink: brand.ink,
      muted: brand.muted,
      surface: brand.surface,
      surfaceAlt: brand.surfaceAlt,
      border: brand.border,
      font: brand.font,
    }).toEqual({
      brand: token('color-brand'),
      brandSoft: token('color-brand-soft'),
      onBrand: token('color-on-brand'),
      ink: token('color-ink'),
      muted: token('color-muted'),
      surface: token('color-surface'),
      surfaceAlt: token('color-surface-alt'),
      border: token('color-border'),
      font: token('font-sans'),
    });
  });
});
