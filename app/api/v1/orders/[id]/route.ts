// GET /api/v1/orders/{id} – one order, for its owner, the device holding its receipt, or staff of its store (else 404)
import { route } from '@/lib/api/route';
import { getViewableOrder } from '@/lib/orders/access';
import { orderJson, toOrderJson } from '@/lib/orders/api';
import { orderNotFound } from '@/lib/orders/errors';
import { orderParamsSchema } from '@/lib/orders/schemas';

const internal = 'Something went wrong with your order. Please try again.';

// A malformed id names no order: the same 404, so ids cannot be probed by their shape.
export const GET = route({ params: orderParamsSchema, invalidParams: orderNotFound, label: 'orders', internal }, async ({ params }) =>
  orderJson({ order: toOrderJson(await getViewableOrder(params.id)) }),
);
