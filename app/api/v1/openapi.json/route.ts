// GET /api/v1/openapi.json – the API's OpenAPI 3.1 description, generated from the handlers' zod schemas
import { buildOpenApi } from '@/lib/api/openapi';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { backInStockOperations } from '@/lib/back-in-stock/openapi';
import { cartOperations } from '@/lib/cart/openapi';
import { catalogOperations } from '@/lib/catalog/openapi';
import { loyaltyOperations } from '@/lib/loyalty/openapi';
import { messagingOperations } from '@/lib/messaging/openapi';
import { checkoutOperations } from '@/lib/checkout/openapi';
import { orderOperations } from '@/lib/orders/openapi';
import { pickupOperations } from '@/lib/pickup/openapi';
import { recommendationOperations } from '@/lib/recommendations/openapi';
import { storeOperations } from '@/lib/stores/openapi';
import { storeProductsOperations } from '@/lib/stores/products-in-stock';

export const dynamic = 'force-static';

export const GET = route({ label: 'openapi' }, () =>
  apiJson(
    buildOpenApi([
      ...catalogOperations,
      ...storeOperations,
      ...storeProductsOperations,
      ...backInStockOperations,
      ...cartOperations,
      ...checkoutOperations,
      ...orderOperations,
      ...pickupOperations,
      ...recommendationOperations,
      ...messagingOperations,
      ...loyaltyOperations,
    ]),
  ),
);
