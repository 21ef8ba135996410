// GET /api/v1/orders/{id} – one order, for its owner, the device holding its receipt, or staff of its store (else 404)
import { getViewableOrder } from '@/lib/orders/access';
import { orderErrorResponse, orderJson, toOrderJson } from '@/lib/orders/api';
import { OrderError } from '@/lib/orders/errors';
import { orderIdSchema } from '@/lib/orders/schemas';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  try {
    const id = orderIdSchema.safeParse((await params).id);
    // A malformed id names no order: the same 404, so ids cannot be probed by their shape.
    if (!id.success) throw new OrderError('order_not_found', 'We could not find that order.');
    return orderJson({ order: toOrderJson(await getViewableOrder(id.data)) });
  } catch (error) {
    return orderErrorResponse(error);
  }
}
