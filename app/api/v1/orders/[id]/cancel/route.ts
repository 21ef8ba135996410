// POST /api/v1/orders/{id}/cancel – cancel before pickup or dispatch: hold released, or stock restored and payment refunded
import { route } from '@/lib/api/route';
import { currentOrderViewer } from '@/lib/orders/access';
import { cancelJson } from '@/lib/orders/api';
import { cancelOrder } from '@/lib/orders/cancel';
import { orderNotFound } from '@/lib/orders/errors';
import { cancelBodySchema, orderParamsSchema } from '@/lib/orders/schemas';
import { getOrderSummaryOrThrow } from '@/lib/orders/view';

const internal = 'Something went wrong with your order. Please try again.';

const spec = { params: orderParamsSchema, invalidParams: orderNotFound, body: cancelBodySchema, label: 'orders', internal };

// A device that only looked the order up sends { code } from the e-mail (POST /api/v1/orders/{id}/cancel-code).
export const POST = route(spec, async ({ params: { id }, body }) => {
  const result = await cancelOrder(await currentOrderViewer(), id, { code: body?.code });
  return cancelJson(await getOrderSummaryOrThrow(id), result);
});
