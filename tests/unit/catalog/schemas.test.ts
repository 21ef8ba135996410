import { describe, expect, it } from 'vitest';
import { productQuerySchema, toListingFilters } from '@/lib/catalog/schemas';

const parse = (query: string) => {
  const params = new URLSearchParams(query);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!;
  return productQuerySchema.safeParse(raw);
};

describe('the product query of GET /api/v1/products', () => {
  it.each([
    ['sort=bogus', 'sort'],
    ['minPrice=abc', 'minPrice'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['inStock=maybe', 'inStock'],
    ['category=Not A Slug', 'category'],
    ['minPrice=90&maxPrice=10', 'minPrice'],
  ])('rejects %s', (query, path) => {
    const result = parse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts repeated keys, blank fields and defaults the sort by whether there is a query', () => {
    const result = parse('size=M&size=L&color=Navy&minPrice=&maxPrice=79.99&inStock=1&page=2&pageSize=12');
    expect(result.success).toBe(true);
    expect(toListingFilters(result.data!)).toMatchObject({
      sizes: ['L', 'M'],
      colors: ['Navy'],
      maxPrice: 79.99,
      inStock: true,
      page: 2,
      pageSize: 12,
      sort: 'featured',
    });
    expect(toListingFilters(parse('q=jumper').data!).sort).toBe('relevance');
  });
});
