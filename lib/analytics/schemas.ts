import { z } from 'zod';
import { rowId } from '@/lib/validation/text';

// What a browser may report itself (POST /api/v1/events): only a click on a suggested product. Everything else
// is recorded by the server where it happens; channel, visitor and store are read from the request, never the body.
export const clientEventSchema = z
  .object({
    type: z.literal('REC_CLICKED'),
    productId: rowId('Not a product id'),
    shelf: z
      .string()
      .regex(/^[a-z-]{1,40}$/, 'Not a shelf')
      .max(40),
  })
  .strict();
