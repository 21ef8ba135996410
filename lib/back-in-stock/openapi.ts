import type { Operation } from '@/lib/api/openapi';
import { backInStockSchema } from './schemas';

export const backInStockOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/back-in-stock',
    summary: '"E-mail me when it\'s back": keep the address for a variant sold out everywhere (once per address and variant)',
    body: backInStockSchema,
    responses: {
      204: { description: 'Kept; messaging e-mails the address when the variant is in stock again' },
      400: { description: 'Not an e-mail address, or a malformed variant id' },
      404: { description: 'Unknown variant (not_found)' },
      409: { description: 'The variant is in stock now (in_stock)' },
      429: { description: 'Too many requests for this address or from this client (rate_limited)' },
    },
  },
];
