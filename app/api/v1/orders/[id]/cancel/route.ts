// POST /api/v1/orders/{id}/cancel – cancel before pickup or dispatch: hold released, or stock restored and payment refunded
import { route } from '@/lib/api/route';
import { currentOrderViewer } from '@/lib/orders/access';
import { cancelJson } from '@/lib/orders/api';
import { cancelOrder } from '@/lib/orders/cancel';
import { orderNotFound } from '@/lib/orders/errors';
import { orderParamsSchema } from '@/lib/orders/schemas';
import { getOrderSummaryOrThrow } from '@/lib/orders/view';

const internal = 'Something went wrong with your order. Please try again.';

export const POST = route({ params: orderParamsSchema, invalidParams: orderNotFound, label: 'orders', internal }, async ({ params: { id } }) => {
  const result = await cancelOrder(await currentOrderViewer(), id);
  return cancelJson(await getOrderSummaryOrThrow(id), result);
});
