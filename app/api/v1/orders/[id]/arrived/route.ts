// POST /api/v1/orders/{id}/arrived – "I'm here": the shopper is at the counter of a ready pickup order
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { orderNotFound } from '@/lib/orders/errors';
import { orderParamsSchema } from '@/lib/orders/schemas';
import { markArrived } from '@/lib/pickup/arrival';

export const POST = route({ params: orderParamsSchema, invalidParams: orderNotFound, label: 'orders arrived' }, async ({ params }) => {
  return apiJson({ arrival: await markArrived(params.id) });
});
