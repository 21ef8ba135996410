import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/prisma/seed/catalog';

const now = new Date('2026-06-01T12:00:00Z');
const catalog = buildCatalog({ now });

describe('demo catalog', () => {
  it('has at least 80 products in at least 6 categories, each in a known category', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(80);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(6);
    const categoryIds = new Set(catalog.categories.map((c) => c.id));
    for (const p of catalog.products) expect(categoryIds.has(p.categoryId)).toBe(true);
    for (const c of catalog.categories) {
      expect(catalog.products.filter((p) => p.categoryId === c.id).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives every product an image and a variant, and most products several variants', () => {
    const several = catalog.products.filter((p) => catalog.variants.filter((v) => v.productId === p.id).length > 1);
    for (const p of catalog.products) {
      const images = catalog.images.filter((i) => i.productId === p.id);
      expect(images.length, p.name).toBeGreaterThanOrEqual(2);
      // A front view in every colour the product comes in, so a bag line shows the colour in the bag.
      const colours = new Set(catalog.variants.filter((v) => v.productId === p.id).map((v) => v.color?.toLowerCase()));
      for (const colour of colours)
        expect(
          images.some((i) => i.alt.endsWith(`in ${colour}, front`)),
          `${p.name} ${colour}`,
        ).toBe(true);
      expect(images.length, p.name).toBeLessThanOrEqual(Math.max(3, colours.size + 1));
      expect(images[0]?.url).toMatch(/^\/media\/product\/[a-z]+\/[0-9a-f]{6}\/[1-3]\.svg$/);
      expect(images[0]?.alt).toContain(p.name);
      expect(
        catalog.variants.some((v) => v.productId === p.id),
        p.name,
      ).toBe(true);
    }
    expect(several.length / catalog.products.length).toBeGreaterThan(0.9);
  });

  it('writes every description as whole sentences, with nothing missing', () => {
    for (const p of catalog.products) {
      expect(p.description, p.name).not.toMatch(/undefined|null|\s{2}/);
      expect(p.description, p.name).toMatch(/^[A-Z].*[.!]$/);
      expect(p.description.split(/(?<=[.!]) /).length, p.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses unique slugs, SKUs and ids', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(catalog.products.map((p) => p.slug))).toBe(true);
    expect(unique(catalog.variants.map((v) => v.sku))).toBe(true);
    expect(unique([...catalog.products, ...catalog.variants, ...catalog.images].map((r) => r.id))).toBe(true);
    for (const p of catalog.products) expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('prices in whole pence, with sale prices below the compare-at price', () => {
    for (const v of catalog.variants) {
      expect(Number.isInteger(v.priceMinor) && v.priceMinor > 0).toBe(true);
      expect(v.currency).toBe('GBP');
      if (v.compareAtMinor !== null) expect(v.compareAtMinor).toBeGreaterThan(v.priceMinor);
      expect(v.colorHex).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(catalog.variants.some((v) => v.compareAtMinor !== null)).toBe(true);
    expect(catalog.products.filter((p) => p.featured).length).toBeGreaterThanOrEqual(6);
  });

  it('has new arrivals from the last month and older stock behind them', () => {
    const ages = catalog.products.map((p) => (now.getTime() - p.createdAt.getTime()) / 86_400_000);
    expect(ages.filter((d) => d <= 30).length).toBeGreaterThanOrEqual(8);
    expect(ages.filter((d) => d > 90).length).toBeGreaterThan(40);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
  });

  it('is the same shop on every run', () => {
    const again = buildCatalog({ now });
    expect(again.variants.map((v) => `${v.sku}:${v.priceMinor}`)).toEqual(catalog.variants.map((v) => `${v.sku}:${v.priceMinor}`));
    expect(again.products.map((p) => p.featured)).toEqual(catalog.products.map((p) => p.featured));
  });

  it('scales to an exact variant count for the benchmark', () => {
    const big = buildCatalog({ now, targetVariants: 5000 });
    expect(big.variants.length).toBe(5000);
    expect(new Set(big.variants.map((v) => v.sku)).size).toBe(5000);
    expect(new Set(big.products.map((p) => p.slug)).size).toBe(big.products.length);
    const productIds = new Set(big.products.map((p) => p.id));
    expect(big.variants.every((v) => productIds.has(v.productId))).toBe(true);
  });
});
