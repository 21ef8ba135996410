import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

export default function robots(): MetadataRoute.Robots {
  const base = env.APP_URL.replace(/\/$/, '');
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/search', '/cart', '/checkout', '/account', '/staff'] },
    sitemap: `${base}/sitemap.xml`,
  };
}
