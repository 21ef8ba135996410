// GET /api/v1/products/{slug} – one product with its variants, images and availability
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { CATALOG_CACHE_CONTROL, getProductBySlug } from '@/lib/catalog/catalog';
import { productParamsSchema } from '@/lib/catalog/schemas';
import { AppError } from '@/lib/errors';

const noSuchProduct = () => new AppError(404, 'not_found', 'No product has that slug.');

export const GET = route({ params: productParamsSchema, invalidParams: noSuchProduct, label: 'products' }, async ({ params: { slug } }) => {
  const product = await getProductBySlug(slug);
  if (!product) return apiError(404, 'not_found', `No product has the slug "${slug}".`);
  return apiJson(product, { headers: { 'Cache-Control': CATALOG_CACHE_CONTROL } });
});
