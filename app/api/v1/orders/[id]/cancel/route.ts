// POST /api/v1/orders/{id}/cancel – cancel before pickup or dispatch: hold released, or stock restored and payment refunded
import { refuseCrossSite } from '@/lib/cart/api';
import { cancelJson, orderErrorResponse } from '@/lib/orders/api';
import { cancelOrder } from '@/lib/orders/cancel';
import { OrderError } from '@/lib/orders/errors';
import { orderIdSchema } from '@/lib/orders/schemas';
import { getOrderSummaryOrThrow } from '@/lib/orders/view';
import { currentOrderViewer } from '@/lib/orders/access';

type Ctx = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Ctx) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const id = orderIdSchema.safeParse((await params).id);
    if (!id.success) throw new OrderError('order_not_found', 'We could not find that order.');
    const result = await cancelOrder(await currentOrderViewer(), id.data);
    return cancelJson(await getOrderSummaryOrThrow(id.data), result);
  } catch (error) {
    return orderErrorResponse(error);
  }
}
