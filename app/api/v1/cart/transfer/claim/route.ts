// POST /api/v1/cart/transfer/claim – use a transfer token ({ token }): this device now holds the guest cart
import { route } from '@/lib/api/route';
import { cartJson } from '@/lib/cart/api';
import { claimTransferForRequest } from '@/lib/cart/request';
import { claimTransferSchema } from '@/lib/cart/schemas';

export const POST = route({ body: claimTransferSchema, label: 'cart transfer' }, async ({ body }) =>
  cartJson(await claimTransferForRequest(body.token)),
);
