import { z } from 'zod';
import { rowId, text } from '@/lib/validation/text';
import { normaliseOrderNumber } from '@/lib/orders/order-number';

// Orders after checkout (the checkout's own body is in ./schemas.ts): an order id in a URL, the guest lookup form,
// the account history's page.
export const orderIdSchema = rowId('Not an order id');
export const orderParamsSchema = z.object({ id: orderIdSchema });

export const orderLookupSchema = z.object({
  number: z
    .string()
    .max(40)
    .transform((n) => normaliseOrderNumber(n) ?? n.trim())
    .pipe(z.string().regex(/^NW-(\d{1,12}|[A-Z2-9]{4}-[A-Z2-9]{4})$/, 'Enter the order number from your e-mail, such as NW-7KQ4-M9XC')),
  email: text().toLowerCase().max(254).pipe(z.email('Enter the e-mail address you ordered with')),
});

// "Cancel" from a device that only looked the order up: the one-time code e-mailed to the order's address.
export const cancelCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from the e-mail');
export const cancelBodySchema = z.object({ code: cancelCodeSchema.optional() }).optional();

export const historyPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
