import { z } from 'zod';
import { text } from '@/lib/validation/text';

// Orders after checkout (the checkout's own body is in ./schemas.ts): an order id in a URL, the guest lookup form,
// the account history's page.
export const orderIdSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not an order id');
export const orderParamsSchema = z.object({ id: orderIdSchema });

export const orderLookupSchema = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .transform((n) => (/^\d+$/.test(n) ? `NW-${n}` : n))
    .pipe(z.string().regex(/^NW-\d{1,12}$/, 'Enter the order number from your e-mail, such as NW-100612')),
  email: text().toLowerCase().max(254).pipe(z.email('Enter the e-mail address you ordered with')),
});

export const historyPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
