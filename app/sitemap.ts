import type { MetadataRoute } from 'next';
import { listCategories, listProductSlugs } from '@/lib/catalog/catalog';
import { env } from '@/lib/env';

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env.APP_URL.replace(/\/$/, '');
  const [categories, products] = await Promise.all([listCategories(), listProductSlugs()]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    ...categories.map((c) => ({ url: `${base}/c/${c.slug}`, changeFrequency: 'daily' as const, priority: 0.8 })),
    ...products.map((p) => ({ url: `${base}/p/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.6 })),
  ];
}
