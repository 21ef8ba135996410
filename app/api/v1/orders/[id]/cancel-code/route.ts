// POST /api/v1/orders/{id}/cancel-code – e-mail a one-time code that lets a device which looked the order up cancel it
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { clientIp } from '@/lib/auth/request-ip';
import { currentOrderViewer } from '@/lib/orders/access';
import { sendCancelCode } from '@/lib/orders/cancel-code';
import { orderNotFound } from '@/lib/orders/errors';
import { orderParamsSchema } from '@/lib/orders/schemas';

const spec = {
  params: orderParamsSchema,
  invalidParams: orderNotFound,
  label: 'orders',
  internal: 'We could not send the code. Please try again.',
};

export const POST = route(spec, async ({ request, params: { id } }) => {
  const { email } = await sendCancelCode(await currentOrderViewer(), id, clientIp(request.headers));
  return apiJson({ sentTo: email }, { status: 202, headers: { 'Cache-Control': 'private, no-store' } });
});
